// Cooperants that are not in ../../shared/data/cooperantes.csv (plausible additional participants).
// The 38 of cooperantes.csv are read from the CSV by build.mjs.
export const extraCooperants = [
  { id: 'UE', name: 'Delegación de la Unión Europea en Ecuador', tipo: 'MULTILATERAL' },
  { id: 'AECID', name: 'Agencia Española de Cooperación Internacional para el Desarrollo (AECID)', tipo: 'BILATERAL' },
  { id: 'UNICEF', name: 'UNICEF Ecuador', tipo: 'MULTILATERAL' },
  { id: 'FAO', name: 'Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)', tipo: 'MULTILATERAL' },
  { id: 'AFD', name: 'Agence Française de Développement (AFD)', tipo: 'BILATERAL' },
  { id: 'OIM', name: 'Organización Internacional para las Migraciones (OIM)', tipo: 'MULTILATERAL' },
  { id: 'BUSF', name: 'Bomberos Unidos Sin Fronteras (BUSF)', tipo: 'PRIVADA' },
];
