// Groups on the canvas: each group with members is a Cytoscape compound node holding them;
// a collapsed group hides its members and shows one node with their count.
import type { Core, NodeSingular } from 'cytoscape';
import { cyGroupId, groupData } from '../../graph/elements';
import { groupMembers } from '../../graph/marks';
import { groupsOf } from '../../graph/state';
import type { GraphState } from '../../graph/types';

export function syncGroups(cy: Core, g: GraphState): void {
  const groups = groupsOf(g);
  const members = groupMembers(g);
  const wanted = new Map<string, string>(); // cy id of the group -> group id
  [...groups.keys()].forEach((id) => { if (members.has(id)) wanted.set(cyGroupId(id), id); });
  // Most boards have no groups: do not walk every node on each change (a drag, a layout).
  if (!wanted.size && cy.nodes('.board-group').empty()) {
    cy.nodes('.in-collapsed').removeClass('in-collapsed');
    return;
  }
  // Children leave a group node before it goes, or Cytoscape removes them with it.
  cy.nodes('.board-group').forEach((gn) => {
    if (wanted.has(gn.id())) return;
    gn.children().move({ parent: null });
    gn.remove();
  });
  let index = 0;
  for (const [cyId, id] of wanted) {
    const data = groupData(groups.get(id)!, members.get(id)!.length, index++);
    let gn = cy.getElementById(cyId);
    if (gn.empty()) gn = cy.add({ group: 'nodes', data, classes: 'board-group' });
    else gn.data(data);
    gn.toggleClass('collapsed', !!groups.get(id)!.collapsed);
  }
  cy.nodes('[nodeId]').forEach((n: NodeSingular) => {
    const node = g.nodes.get(n.data('nodeId') as number);
    const gid = node?.marks?.group;
    const want = gid && wanted.has(cyGroupId(gid)) ? cyGroupId(gid) : null;
    const parent = n.parent();
    const have = parent.nonempty() ? parent.first().id() : null;
    let el = n;
    if (have !== want) {
      const locked = n.locked();
      el = n.move({ parent: want }) as unknown as NodeSingular;
      if (locked) el.lock();
    }
    el.toggleClass('in-collapsed', !!gid && !!groups.get(gid)?.collapsed && !!want);
  });
}
