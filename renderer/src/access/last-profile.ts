// The analyst profile typed into the last New case dialog, offered again for the next case.
import { PROFILE, type Profile } from '../../../shared/model';

const KEY = 'crosslink.profile';

export function rememberedProfile(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Profile | null {
  try {
    const parsed = PROFILE.safeParse(JSON.parse(storage?.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberProfile(p: Profile, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // A full or disabled storage only costs the analyst some typing next time.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
