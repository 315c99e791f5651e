import { loadAmmo } from '../src/backend/services/ammo.ts';
const A = await loadAmmo();
const v = new A.btVector3(1,2,3);
console.log(v.length(), typeof A.btGeneric6DofSpringConstraint, typeof (A as any).HEAPF32);
