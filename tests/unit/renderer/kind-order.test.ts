import { describe, expect, it } from 'vitest';
import { badgeUri, kindLook, orderKinds, setCustomKinds } from '../../../renderer/src/icons/kinds';

describe('custom kinds in lists', () => {
  it('lists built-in kinds in their order, then custom kinds by the label the case gives them', () => {
    setCustomKinds([
      { kind: 'x.zeta', label: 'Account', colour: '#be123c', icon: 'account' },
      { kind: 'x.alpha', label: 'Vessel', colour: '#0f766e', icon: 'vehicle' },
    ]);
    expect(orderKinds(['x.alpha', 'phone', 'x.zeta', 'subject'])).toEqual(['subject', 'phone', 'x.zeta', 'x.alpha']);
    expect(kindLook('x.zeta')).toMatchObject({ label: 'Account', colour: '#be123c' });
    expect(badgeUri('x.zeta')).toContain(encodeURIComponent('#be123c'));
    expect(kindLook('subject').label).toBe('Subject record');
  });

  it('a new set of kinds replaces the looks drawn before', () => {
    setCustomKinds([{ kind: 'x.zeta', label: 'Account', colour: '#be123c', icon: 'account' }]);
    expect(badgeUri('x.zeta')).toContain(encodeURIComponent('#be123c'));
    setCustomKinds([{ kind: 'x.zeta', label: 'Bank account', colour: '#1d4ed8', icon: 'account' }]);
    expect(kindLook('x.zeta').label).toBe('Bank account');
    expect(badgeUri('x.zeta')).toContain(encodeURIComponent('#1d4ed8'));
    setCustomKinds([]);
    expect(kindLook('x.zeta').label).toBe('Zeta');
  });
});
