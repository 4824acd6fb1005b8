import { describe, expect, it } from 'vitest';
import { normaliseVinRead, resolveVehicles, vinCheckDigitOk } from '../../../electron/backend/resolve/vehicles';

describe('vehicle resolution', () => {
  it('checks the North American VIN check digit', () => {
    expect(vinCheckDigitOk('1M8GDM9AXKP042788')).toBe(true); // the textbook example
    expect(vinCheckDigitOk('1M8GDM9A1KP042788')).toBe(false);
    expect(vinCheckDigitOk('1M8GDM9AXKP04278')).toBe(false);
    expect(normaliseVinRead('1m8-gdm9axkpO42788')).toBe('1M8GDM9AXKP042788');
  });

  it('joins reads by VIN, a one-character VIN typo, and plate within a region; never two valid VINs', () => {
    const reads = [
      { id: 'vehicle:V1', vin: '1M8GDM9AXKP042788', plate: 'ABC-1234', region: 'US-TX' },
      { id: 'event:E1', vin: '1M8GDM9AXKP042788', plate: null, region: null },
      { id: 'event:E2', vin: '1M8GDM9AXKP042789', plate: null, region: null }, // typo: bad check digit, one away
      { id: 'event:E3', vin: null, plate: 'abc 1234', region: 'US-TX' },
      { id: 'event:E4', vin: null, plate: 'ABC1234', region: 'MX-CHH' }, // same plate, other region
      { id: 'vehicle:V2', vin: '1HGCM82633A004352', plate: 'ABC1234', region: 'US-TX' }, // plate moved to another car
    ];
    expect(vinCheckDigitOk('1HGCM82633A004352')).toBe(true);
    const g = resolveVehicles(reads);
    expect(g[1]).toBe(g[0]);
    expect(g[2]).toBe(g[0]);
    expect(g[3]).toBe(g[0]);
    expect(g[4]).not.toBe(g[0]);
    expect(g[5]).not.toBe(g[0]);
  });

  it('joins a VIN whose check digit was misread, and plates without a region to their largest group', () => {
    const reads = [
      { vin: '1M8GDM9AXKP042788', plate: null, region: null },
      { vin: '1M8GDM9A5KP042788', plate: null, region: null }, // only the check digit differs
      { vin: null, plate: 'XYZ 987', region: 'US-AZ' },
      { vin: null, plate: 'XYZ987', region: 'US-AZ' },
      { vin: null, plate: 'XYZ987', region: 'MX-SON' },
      { vin: null, plate: 'xyz-987', region: null }, // no region: the larger (US-AZ) group
      { vin: null, plate: 'QRS555', region: null },
      { vin: null, plate: 'QRS 555', region: '' }, // no region on either: the same plate
      { vin: null, plate: 'AB', region: null }, // too short to say anything
      { vin: null, plate: 'AB', region: null },
    ];
    const g = resolveVehicles(reads);
    expect(g[1]).toBe(g[0]);
    expect(g[3]).toBe(g[2]);
    expect(g[4]).not.toBe(g[2]);
    expect(g[5]).toBe(g[2]);
    expect(g[7]).toBe(g[6]);
    expect(g[9]).not.toBe(g[8]);
    expect(normaliseVinRead('1m8gdm9axkp042788')).toBe('1M8GDM9AXKP042788');
    expect(normaliseVinRead('1M8 GDM9ÀXKP042788')).toBe('1M8GDM9XKP042788'); // a letter no VIN holds is dropped
  });
});
