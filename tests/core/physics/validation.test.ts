import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { addBody, addConstraint, clearWorld, createWorld, destroyWorld, stepWorld } from '../../../src/core/physics/world.js';

const ammo = await loadAmmo();

describe('Ammo world against closed-form mechanics', () => {
  it('a free-falling sphere follows y = y0 − g t²/2 within 1 % of the drop after 1 s', () => {
    const pw = createWorld(ammo, { ground: null, dt: 1 / 1000 });
    const body = addBody(pw, { shape: new ammo.btSphereShape(0.1), mass: 2, inertia: [0.008, 0.008, 0.008], position: [0, 10, 0] });
    for (let i = 0; i < 1000; i++) stepWorld(pw);
    const y = body.getWorldTransform().getOrigin().y();
    const vy = body.getLinearVelocity().y();
    destroyWorld(pw);
    const drop = 10 - y;
    expect(Math.abs(drop - 0.5 * 9.81) / (0.5 * 9.81)).toBeLessThan(0.01);
    expect(Math.abs(vy + 9.81) / 9.81).toBeLessThan(0.01);
  });

  it('a pendulum swings with the physical-pendulum period 2π√(I/mgL)(1 + θ²/16 + 11θ⁴/3072) within 1 %', () => {
    const L = 0.8; // m, pivot to centre of mass
    const r = 0.05; // m, bob radius
    const m = 1.5; // kg
    const theta0 = (10 * Math.PI) / 180;
    const pw = createWorld(ammo, { ground: null, dt: 1 / 1000 });
    const I = 0.4 * m * r * r;
    const body = addBody(pw, {
      shape: new ammo.btSphereShape(r), mass: m, inertia: [I, I, I],
      position: [L * Math.sin(theta0), 2 - L * Math.cos(theta0), 0],
      rotation: [0, 0, Math.sin(theta0 / 2), Math.cos(theta0 / 2)],
    });
    // Pivot 2 m above ground, expressed in the bob's own frame (bob tilted by θ0 about Z).
    const pivot = new ammo.btVector3(0, L, 0);
    addConstraint(pw, new ammo.btPoint2PointConstraint(body, pivot));
    ammo.destroy(pivot);
    const crossings: number[] = [];
    let prevX = body.getWorldTransform().getOrigin().x();
    for (let i = 1; i <= 8000; i++) {
      stepWorld(pw);
      const x = body.getWorldTransform().getOrigin().x();
      if (prevX > 0 && x <= 0) crossings.push((i - 1 + prevX / (prevX - x)) * pw.dt);
      prevX = x;
    }
    destroyWorld(pw);
    expect(crossings.length).toBeGreaterThanOrEqual(4);
    const measured = (crossings[crossings.length - 1] - crossings[0]) / (crossings.length - 1);
    const T0 = 2 * Math.PI * Math.sqrt((m * L * L + I) / (m * 9.81 * L));
    const expected = T0 * (1 + theta0 ** 2 / 16 + (11 * theta0 ** 4) / 3072);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.01);
  });

  it('destroyWorld frees the world and can be called twice', () => {
    const pw = createWorld(ammo);
    addBody(pw, { shape: new ammo.btSphereShape(0.1), mass: 1, inertia: [0.004, 0.004, 0.004], position: [0, 1, 0] });
    stepWorld(pw);
    destroyWorld(pw);
    expect(pw.owned.length).toBe(0);
    expect(() => destroyWorld(pw)).not.toThrow();
  });

  it('clearWorld empties a world for reuse: the same scene then runs bit-identically to a fresh world', () => {
    const fall = (pw: ReturnType<typeof createWorld>): number[] => {
      const body = addBody(pw, { shape: new ammo.btBoxShape(new ammo.btVector3(0.1, 0.05, 0.2)), mass: 3, inertia: [0.05, 0.05, 0.01], position: [0, 0.4, 0], rotation: [0.1, 0, 0.05, 0.99] });
      for (let i = 0; i < 600; i++) stepWorld(pw); // lands and settles on the ground plane
      const t = body.getWorldTransform();
      return [t.getOrigin().x(), t.getOrigin().y(), t.getOrigin().z(), t.getRotation().w()];
    };
    const fresh = createWorld(ammo);
    const a = fall(fresh);
    destroyWorld(fresh);
    const reused = createWorld(ammo);
    fall(reused);
    clearWorld(reused);
    expect(reused.bodies.length).toBe(0);
    expect(reused.owned.length).toBe(reused.core);
    const b = fall(reused);
    destroyWorld(reused);
    expect(b).toEqual(a);
    expect(a[1]).toBeGreaterThan(0);
    expect(a[1]).toBeLessThan(0.2);
  });

  it('rejects a non-positive time step with a KinetwinError', () => {
    expect(() => createWorld(ammo, { dt: 0 })).toThrow(/time step/);
  });
});
