// Synthetic one-off travellers and vehicles: the background traffic of a large export.
// Generated on the fly while streaming, straight into CSV text, without keeping them.

import { Rng } from './rng';
import { CULTURE_WEIGHTS, POOLS, type Culture, stripDiacritics } from './names';
import { type DocSerials, type DocType, makeDob, makeDoc, makeName, lastName } from './identity';
import { PORTS, type Port } from './ports';
import { MODELS, makeVin, plateFromSerial } from './vehicles';
import { esc } from './csv-writer';

export interface SyntheticVehicle { id: string; plate: string; region: string; vin: string }

const MX_PLATE_REGION: Record<Port['metro'], string> = {
  ELP: 'MX-CHH', PRS: 'MX-CHH', LRD: 'MX-TAM', RGV: 'MX-TAM', EGP: 'MX-COA', NOG: 'MX-SON', DOU: 'MX-SON',
  SLU: 'MX-SON', SAN: 'MX-BCN', AIR: 'MX-JAL',
};
const US_PLATE_REGION: Record<Port['metro'], string> = {
  ELP: 'US-TX', PRS: 'US-TX', LRD: 'US-TX', RGV: 'US-TX', EGP: 'US-TX', NOG: 'US-AZ', DOU: 'US-AZ',
  SLU: 'US-AZ', SAN: 'US-CA', AIR: 'US-TX',
};

// Precomputed cumulative weights for fast culture picks.
const CULTURES: Culture[] = CULTURE_WEIGHTS.map((c) => c[0]);
const CULTURE_CUM: number[] = (() => {
  let s = 0;
  const tot = CULTURE_WEIGHTS.reduce((a, c) => a + c[1], 0);
  return CULTURE_WEIGHTS.map((c) => (s += c[1] / tot));
})();

/** Nationalities of the people a smuggling load carries (on borrowed or forged documents). */
const MIGRANT_NATIONALITIES = [['MEX', 5], ['GTM', 3], ['HND', 3], ['SLV', 2], ['ECU', 1]] as const;

export class SyntheticFactory {
  private personN = 0;
  private vehicleN = 0;
  private readonly refYear: number;

  constructor(
    private readonly rng: Rng,
    private readonly serials: DocSerials,
    private readonly plateSerials: DocSerials,
    private readonly refSec: number,
  ) {
    this.refYear = new Date(refSec * 1000).getUTCFullYear();
  }

  private culture(): Culture {
    const x = this.rng.next();
    for (let i = 0; i < CULTURE_CUM.length; i++) if (x < CULTURE_CUM[i]!) return CULTURES[i]!;
    return 'HISP';
  }

  /**
   * The CSV identity segment `last,first,dob,sex,nationality,doc_type,doc_number,doc_country`
   * of a new one-off traveller (of age 18+ when `adult`; Central American or Mexican when
   * `migrant`), and the traveller's person id.
   */
  traveller(air: boolean, adult = false, migrant = false): [string, string] {
    const r = this.rng;
    const culture = migrant ? 'HISP' : this.culture();
    const sex = r.chance(0.5) ? 'M' : 'F';
    const name = makeName(r, culture, sex);
    const nat = migrant ? r.weighted(MIGRANT_NATIONALITIES) : r.weighted(POOLS[culture].nationalities);
    let type: DocType;
    let country: string;
    if (nat === 'USA') {
      type = 'PASSPORT';
      country = 'USA';
    } else {
      const roll = r.next();
      if (!air && nat === 'MEX' && roll < 0.55) type = 'BORDER_CROSSING_CARD';
      else if (roll < 0.75) type = 'PASSPORT';
      else type = 'PERMANENT_RESIDENT_CARD';
      country = type === 'PASSPORT' ? nat : 'USA';
    }
    const doc = makeDoc(r, this.serials, type, country);
    let last = lastName(name);
    let first = name.first;
    if (r.chance(0.6)) {
      last = stripDiacritics(last);
      first = stripDiacritics(first);
    }
    const dob = makeDob(r, adult ? 18 : 1, 85, this.refSec);
    const id = `P-S${String(++this.personN).padStart(7, '0')}`;
    return [`${esc(last)},${esc(first)},${dob},${sex},${nat},${doc.type},${doc.number},${doc.country}`, id];
  }

  /** A one-off vehicle registered on either side of a port's metro. */
  vehicle(port: number): SyntheticVehicle {
    const r = this.rng;
    const metro = PORTS[port]!.metro;
    const region = r.chance(0.6) ? MX_PLATE_REGION[metro] : US_PLATE_REGION[metro];
    const m = MODELS[r.int(MODELS.length)]!;
    const wmi = m.wmi[r.int(m.wmi.length)]!;
    const vin = makeVin(r, wmi, r.range(m.minYear, this.refYear));
    return {
      id: `V-S${String(++this.vehicleN).padStart(7, '0')}`,
      plate: plateFromSerial(this.plateSerials.nextInt(), region),
      region,
      vin,
    };
  }
}
