// Name pools by culture, nicknames and transliteration variants for the demo population.
// Canonical spellings are upper case; diacritics are kept where a document would show them.

export type Culture = 'HISP' | 'ARAB' | 'SLAV' | 'VIET' | 'CHIN' | 'ANGLO' | 'GERM';

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  /** Nationalities (ISO alpha-3) with weights, for people of this culture. */
  nationalities: readonly (readonly [string, number])[];
}

export const CULTURE_WEIGHTS: readonly (readonly [Culture, number])[] = [
  ['HISP', 70], ['ANGLO', 12], ['ARAB', 5], ['SLAV', 4], ['VIET', 3], ['CHIN', 3], ['GERM', 3],
];

/** Second surnames with particles, used in Hispanic compound surnames. */
export const PARTICLE_SURNAMES: readonly string[] = [
  'DE LA CRUZ', 'DEL RIO', 'DE LEON', 'DE LOS SANTOS', 'DE LA ROSA', 'DEL VALLE', 'DE LA GARZA',
  'DE LA FUENTE',
];

export const POOLS: Record<Culture, NamePool> = {
  HISP: {
    male: [
      'JOSE', 'JOSÉ', 'JUAN', 'FRANCISCO', 'JESUS', 'JESÚS', 'LUIS', 'CARLOS', 'MIGUEL', 'ALEJANDRO',
      'ROBERTO', 'ALBERTO', 'EDUARDO', 'GUILLERMO', 'IGNACIO', 'ENRIQUE', 'RAMON', 'RAMÓN', 'JAVIER',
      'SERGIO', 'ARTURO', 'FERNANDO', 'RICARDO', 'MANUEL', 'RAFAEL', 'ANTONIO', 'PEDRO', 'DANIEL',
      'HECTOR', 'HÉCTOR', 'OSCAR', 'RAUL', 'RAÚL', 'ARMANDO', 'GERARDO', 'MARTIN', 'MARTÍN', 'RUBEN',
      'SALVADOR', 'ALFREDO', 'REFUGIO', 'JOAQUIN', 'JOAQUÍN', 'OMAR', 'ADRIAN', 'VICTOR', 'HUGO',
    ],
    female: [
      'MARIA', 'MARÍA', 'GUADALUPE', 'ROSA', 'ANA', 'LETICIA', 'VERONICA', 'VERÓNICA', 'PATRICIA',
      'ELIZABETH', 'ALEJANDRA', 'GABRIELA', 'ADRIANA', 'MARTHA', 'CLAUDIA', 'LAURA', 'SOFIA', 'SOFÍA',
      'CONCEPCION', 'CONCEPCIÓN', 'ROSARIO', 'YOLANDA', 'SILVIA', 'TERESA', 'MONICA', 'MÓNICA',
      'DOLORES', 'ARACELI', 'BEATRIZ', 'CARMEN', 'ESPERANZA', 'IRMA', 'LORENA', 'NORMA', 'XIMENA',
    ],
    surnames: [
      'GARCIA', 'GARCÍA', 'HERNANDEZ', 'HERNÁNDEZ', 'MARTINEZ', 'MARTÍNEZ', 'LOPEZ', 'LÓPEZ',
      'GONZALEZ', 'GONZÁLEZ', 'RODRIGUEZ', 'RODRÍGUEZ', 'PEREZ', 'PÉREZ', 'SANCHEZ', 'SÁNCHEZ',
      'RAMIREZ', 'RAMÍREZ', 'TORRES', 'FLORES', 'RIVERA', 'GOMEZ', 'GÓMEZ', 'DIAZ', 'DÍAZ', 'REYES',
      'MORALES', 'CRUZ', 'ORTIZ', 'GUTIERREZ', 'GUTIÉRREZ', 'CHAVEZ', 'CHÁVEZ', 'RAMOS', 'RUIZ',
      'MENDOZA', 'CASTILLO', 'JIMENEZ', 'JIMÉNEZ', 'MORENO', 'ROMERO', 'ALVAREZ', 'ÁLVAREZ', 'MUÑOZ',
      'PEÑA', 'NÚÑEZ', 'IBÁÑEZ', 'ORTEGA', 'DELGADO', 'CASTRO', 'VARGAS', 'ESTRADA', 'MEDINA',
      'SALAZAR', 'AGUILAR', 'VILLALOBOS', 'CARRASCO', 'OCHOA', 'ARMENDARIZ', 'TARANGO', 'LUJAN',
      'CORRAL', 'BACA', 'OLIVAS', 'PORRAS', 'QUIÑONES', 'SOTO', 'ACOSTA', 'ZAMORA', 'VALENZUELA',
    ],
    nationalities: [['MEX', 78], ['USA', 12], ['GTM', 3], ['HND', 2], ['SLV', 2], ['CUB', 1], ['VEN', 1], ['COL', 1]],
  },
  ARAB: {
    male: ['MOHAMMED', 'AHMED', 'OMAR', 'KHALID', 'YOUSSEF', 'HUSSEIN', 'ALI', 'HASSAN', 'IBRAHIM', 'MUSTAFA', 'SAMIR', 'TAREK'],
    female: ['FATIMA', 'AISHA', 'LAYLA', 'MARIAM', 'NOOR', 'SALMA', 'RANIA', 'HUDA', 'YASMIN', 'LEILA'],
    surnames: [
      'AL-HASHIMI', 'AL-FAYED', 'AL-MASRI', 'AL-RASHID', 'HADDAD', 'KHOURY', 'NASSER', 'ABDULLAH',
      'SALEH', 'MANSOUR', 'HAMDAN', 'AL-OBAIDI', 'ABU-SAID', 'QASIM', 'AL-SHAMMARI',
    ],
    nationalities: [['JOR', 3], ['EGY', 3], ['LBN', 2], ['SYR', 2], ['IRQ', 2], ['YEM', 1], ['USA', 3]],
  },
  SLAV: {
    male: ['DMITRI', 'SERGEI', 'ALEKSANDR', 'YURI', 'ANDRIY', 'PAVEL', 'MIKHAIL', 'VLADIMIR', 'PIOTR', 'OLEKSANDR'],
    female: ['OLGA', 'NATALIA', 'IRINA', 'TATIANA', 'SVETLANA', 'KATARZYNA', 'OKSANA', 'YELENA'],
    surnames: [
      'IVANOV', 'PETROV', 'SMIRNOV', 'KOWALSKI', 'NOWAK', 'SHEVCHENKO', 'KOVALENKO', 'WIŚNIEWSKI',
      'VOLKOV', 'BONDARENKO', 'KUZNETSOV', 'ZIELIŃSKI',
    ],
    nationalities: [['RUS', 3], ['UKR', 4], ['POL', 2], ['USA', 2]],
  },
  VIET: {
    male: ['MINH', 'THANH', 'HUNG', 'DUC', 'TUAN', 'QUANG', 'VIET', 'KHOA'],
    female: ['LINH', 'HOA', 'MAI', 'THUY', 'NGOC', 'TRANG', 'LAN', 'HUONG'],
    surnames: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VU', 'VO', 'DANG', 'BUI', 'DO'],
    nationalities: [['VNM', 3], ['USA', 2]],
  },
  CHIN: {
    male: ['WEI', 'JUN', 'HAO', 'LEI', 'JIAN', 'MING', 'YONG', 'QIANG'],
    female: ['MEI', 'LI NA', 'XIU YING', 'FANG', 'JING', 'YAN', 'XIAO', 'LING'],
    surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU'],
    nationalities: [['CHN', 4], ['TWN', 1], ['USA', 2]],
  },
  ANGLO: {
    male: ['WILLIAM', 'ROBERT', 'JAMES', 'MICHAEL', 'RICHARD', 'THOMAS', 'CHARLES', 'DAVID', 'JOSEPH', 'EDWARD', 'PATRICK'],
    female: ['ELIZABETH', 'KATHERINE', 'JENNIFER', 'MARGARET', 'SUSAN', 'PATRICIA', 'REBECCA', 'SARAH', 'DEBORAH'],
    surnames: [
      "O'NEIL", "O'BRIEN", 'SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'MCDONALD', 'MILLER', 'DAVIS',
      'WILSON', 'ANDERSON', 'TAYLOR', "O'CONNOR", 'MACKENZIE', 'CAMPBELL', 'BAKER', 'COOPER',
    ],
    nationalities: [['USA', 14], ['CAN', 2], ['GBR', 1], ['IRL', 1]],
  },
  GERM: {
    male: ['JÜRGEN', 'GÜNTER', 'KLAUS', 'STEFAN', 'MATTHIAS', 'WOLFGANG', 'ANDREAS', 'JÖRG'],
    female: ['ANNELIESE', 'SABINE', 'URSULA', 'BIRGIT', 'KATRIN', 'JUTTA', 'MONIKA'],
    surnames: ['MÜLLER', 'SCHRÖDER', 'SCHMIDT', 'WEBER', 'BECKER', 'KRÜGER', 'HOFFMANN', 'SCHÄFER', 'WAGNER', 'FISCHER'],
    nationalities: [['DEU', 4], ['AUT', 1], ['CHE', 1], ['USA', 1]],
  },
};

/** Nicknames an officer may enter instead of the given name. */
export const NICKNAMES: Record<string, readonly string[]> = {
  FRANCISCO: ['PANCHO', 'PACO'], GUADALUPE: ['LUPE'], JOSE: ['PEPE'], 'JOSÉ': ['PEPE'],
  JESUS: ['CHUY'], 'JESÚS': ['CHUY'], IGNACIO: ['NACHO'], ENRIQUE: ['KIKE'], ALBERTO: ['BETO'],
  ROBERTO: ['BETO'], GUILLERMO: ['MEMO'], EDUARDO: ['LALO'], REFUGIO: ['CUCO'],
  CONCEPCION: ['CONCHA', 'CONCHITA'], 'CONCEPCIÓN': ['CONCHA'], ROSARIO: ['CHAYO'], DOLORES: ['LOLA'],
  ALEJANDRO: ['ALEX'], WILLIAM: ['BILL', 'WILL'], ROBERT: ['BOB', 'ROB'], JAMES: ['JIM', 'JIMMY'],
  MICHAEL: ['MIKE'], RICHARD: ['RICK', 'DICK'], THOMAS: ['TOM'], CHARLES: ['CHUCK', 'CHARLIE'],
  ELIZABETH: ['LIZ', 'BETH'], KATHERINE: ['KATE', 'KATHY'], JENNIFER: ['JENNY'], MARGARET: ['PEGGY', 'MAGGIE'],
  EDWARD: ['ED', 'TED'], PATRICK: ['PAT'], JOSEPH: ['JOE'], DAVID: ['DAVE'], DEBORAH: ['DEBBIE'],
  ALEKSANDR: ['SASHA'], DMITRI: ['DIMA'], MIKHAIL: ['MISHA'], TATIANA: ['TANYA'],
};

/** Groups of transliteration variants: any member may be written for any other. */
const TRANSLIT_GROUPS: readonly (readonly string[])[] = [
  ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED'],
  ['AHMED', 'AHMAD'], ['YOUSSEF', 'YUSUF', 'YOUSEF', 'YOUSSIF'], ['HUSSEIN', 'HUSAYN', 'HUSSAIN'],
  ['HASSAN', 'HASAN'], ['MUSTAFA', 'MOSTAFA'], ['TAREK', 'TARIQ', 'TAREQ'], ['AISHA', 'AYESHA', 'AICHA'],
  ['FATIMA', 'FATMA'], ['MARIAM', 'MARYAM'], ['LAYLA', 'LEILA', 'LAILA'], ['QASIM', 'KASSEM', 'QASEM'],
  ['AL-HASHIMI', 'ALHASHIMI', 'AL HASHIMI', 'EL-HASHIMI'], ['AL-FAYED', 'ALFAYED', 'EL-FAYED', 'AL FAYED'],
  ['AL-MASRI', 'ALMASRI', 'EL-MASRY'], ['AL-RASHID', 'ALRASHID', 'AL-RASHEED'], ['KHOURY', 'KHOURI', 'KHURI'],
  ['ABDULLAH', 'ABDALLAH', 'ABDULLA'], ['AL-OBAIDI', 'ALOBAIDI', 'AL-UBAIDI'], ['AL-SHAMMARI', 'ALSHAMMARI', 'AL SHAMARI'],
  ['DMITRI', 'DMITRIY', 'DMITRY'], ['SERGEI', 'SERGEY', 'SERHIY'], ['ALEKSANDR', 'ALEXANDER', 'OLEKSANDR'],
  ['YURI', 'IURII', 'YURIY'], ['NATALIA', 'NATALYA', 'NATALIYA'], ['TATIANA', 'TATYANA'],
  ['YELENA', 'ELENA', 'OLENA'], ['MIKHAIL', 'MIKHAYLO', 'MYKHAILO'], ['ANDRIY', 'ANDREI', 'ANDREY'],
  ['SHEVCHENKO', 'SHEVCHENKOV'], ['KUZNETSOV', 'KUZNETSOFF'], ['PIOTR', 'PETR', 'PYOTR'],
  ['ZHANG', 'CHANG'], ['ZHOU', 'CHOU'], ['WU', 'WOO'], ['LI', 'LEE'], ['CHEN', 'CHAN'], ['HUANG', 'WONG'],
  ['NGUYEN', 'NGUYENN', 'NGUEN'], ['VO', 'VU'],
];

export const TRANSLIT: Record<string, readonly string[]> = (() => {
  const m: Record<string, readonly string[]> = {};
  for (const g of TRANSLIT_GROUPS) for (const n of g) m[n] = g.filter((x) => x !== n);
  return m;
})();

/** Mexican side: Ciudad Juarez streets and colonias; US side: El Paso streets. */
export const MX_STREETS: readonly string[] = [
  'CALLE 5 DE MAYO', 'AV. DE LAS AMERICAS', 'CALLE NIÑOS HEROES', 'AV. TECNOLOGICO', 'CALLE VICENTE GUERRERO',
  'CALLE MARIANO ESCOBEDO', 'AV. PASEO TRIUNFO DE LA REPUBLICA', 'CALLE IGNACIO RAMIREZ', 'AV. INSURGENTES',
  'CALLE RIO BRAVO', 'CALLE CONSTITUCION', 'AV. VALENTIN FUENTES', 'CALLE OAXACA', 'CALLE JALISCO',
];
export const MX_COLONIAS: readonly string[] = [
  'COL. CENTRO', 'COL. BELLAVISTA', 'COL. CHAVEÑA', 'COL. HIDALGO', 'COL. PARTIDO ROMERO', 'COL. ANAPRA',
  'COL. MELCHOR OCAMPO', 'FRACC. LAS MISIONES', 'COL. LOMA BLANCA', 'COL. GUADALAJARITA',
];
export const US_STREETS: readonly string[] = [
  'MONTANA AVE', 'ALAMEDA AVE', 'DYER ST', 'MESA ST', 'ZARAGOZA RD', 'GATEWAY BLVD E', 'PAISANO DR',
  'YARBROUGH DR', 'LEE TREVINO DR', 'DONIPHAN DR', 'TEXAS AVE', 'SAN ANTONIO AVE', 'STANTON ST',
  'NORTH LOOP DR', 'PEBBLE HILLS BLVD', 'VISCOUNT BLVD', 'TROWBRIDGE DR', 'HAWKINS BLVD',
];

export const EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'icloud.com',
  'prodigy.net.mx', 'live.com.mx', 'elp.rr.com',
];

const NON_ASCII = /[^\x00-\x7f]/;

/** Upper-case ASCII without diacritics (what an old system often stores). */
export function stripDiacritics(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'SS').replace(/Ł/g, 'L');
}

/** German-style transliteration of umlauts: MÜLLER -> MUELLER. */
export function umlautToE(s: string): string {
  return s.replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE');
}

/** "DE LA CRUZ" -> "De la Cruz", "O'NEIL" -> "O'Neil", "AL-FAYED" -> "Al-Fayed". */
export function mixedCase(s: string): string {
  const lowerWords = new Set(['de', 'la', 'del', 'los', 'las', 'y']);
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 && lowerWords.has(w)
        ? w
        : w.replace(/(^|[-'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase()),
    )
    .join(' ');
}
