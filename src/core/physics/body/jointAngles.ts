// Joint angles from segment orientations: the distal segment relative to the proximal one as an ISB / Grood–Suntay
// Z-X-Y Cardan sequence (Wu et al. 2002 J Biomech 35:543), R_rel = Rz(a)·Rx(b)·Ry(c).

/**
 * Writes [a, b, c] (rad) of R_rel = conj(qp)·qc = Rz(a)Rx(b)Ry(c) into out[o..o+2]. Quaternions x, y, z, w
 * (unit, lab frame). Allocation-free.
 */
export function cardanZXY(
  px: number, py: number, pz: number, pw: number,
  cx: number, cy: number, cz: number, cw: number,
  out: Float64Array, o: number,
): void {
  // r = conj(p) ⊗ c
  const rw = pw * cw + px * cx + py * cy + pz * cz;
  const rx = pw * cx - px * cw - py * cz + pz * cy;
  const ry = pw * cy + px * cz - py * cw - pz * cx;
  const rz = pw * cz - px * cy + py * cx - pz * cw;
  // Rotation matrix entries needed: R01, R11, R21, R20, R22.
  const r01 = 2 * (rx * ry - rz * rw);
  const r11 = 1 - 2 * (rx * rx + rz * rz);
  const r21 = 2 * (ry * rz + rx * rw);
  const r20 = 2 * (rx * rz - ry * rw);
  const r22 = 1 - 2 * (rx * rx + ry * ry);
  out[o] = Math.atan2(-r01, r11);
  out[o + 1] = Math.asin(Math.max(-1, Math.min(1, r21)));
  out[o + 2] = Math.atan2(-r20, r22);
}

/** Quaternion (x, y, z, w) of Rz(a)·Rx(b)·Ry(c), written into out[o..o+3]. */
export function quatFromZXY(a: number, b: number, c: number, out: Float64Array, o: number): void {
  const ca = Math.cos(a / 2), sa = Math.sin(a / 2);
  const cb = Math.cos(b / 2), sb = Math.sin(b / 2);
  const cc = Math.cos(c / 2), sc = Math.sin(c / 2);
  // qz ⊗ qx = (sb·ca, sb·sa, sa·cb, ca·cb) as (x, y, z, w)
  const x1 = ca * sb, y1 = sa * sb, z1 = sa * cb, w1 = ca * cb;
  // ⊗ qy = (0, sc, 0, cc)
  out[o] = x1 * cc - z1 * sc;
  out[o + 1] = w1 * sc + y1 * cc;
  out[o + 2] = z1 * cc + x1 * sc;
  out[o + 3] = w1 * cc - y1 * sc;
}

/** Unit quaternion (x, y, z, w) of a rotation matrix given by rows (Shepperd's method), into out[o..o+3]. */
export function matrixToQuat(m00: number, m01: number, m02: number, m10: number, m11: number, m12: number, m20: number, m21: number, m22: number, out: Float64Array, o: number): void {
  const tr = m00 + m11 + m22;
  let x: number, y: number, z: number, w: number;
  if (tr > 0) {
    const S = Math.sqrt(tr + 1) * 2;
    w = 0.25 * S; x = (m21 - m12) / S; y = (m02 - m20) / S; z = (m10 - m01) / S;
  } else if (m00 > m11 && m00 > m22) {
    const S = Math.sqrt(1 + m00 - m11 - m22) * 2;
    w = (m21 - m12) / S; x = 0.25 * S; y = (m01 + m10) / S; z = (m02 + m20) / S;
  } else if (m11 > m22) {
    const S = Math.sqrt(1 + m11 - m00 - m22) * 2;
    w = (m02 - m20) / S; x = (m01 + m10) / S; y = 0.25 * S; z = (m12 + m21) / S;
  } else {
    const S = Math.sqrt(1 + m22 - m00 - m11) * 2;
    w = (m10 - m01) / S; x = (m02 + m20) / S; y = (m12 + m21) / S; z = 0.25 * S;
  }
  const norm = 1 / Math.sqrt(x * x + y * y + z * z + w * w); // not Math.hypot: ~10× slower, and |q| ≈ 1 cannot overflow
  out[o] = x * norm; out[o + 1] = y * norm; out[o + 2] = z * norm; out[o + 3] = w * norm;
}
