import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  availableActions,
  evaluationAction,
  mayAct,
  nextStatus,
  TERMINAL_STATUSES,
  TRANSITIONS,
  WISH_ACTIONS,
  WISH_STATUSES,
} from '../../server/src/domain/wishes/wish.lifecycle.ts';
import { relationsTo } from '../../server/src/domain/wishes/wish.scope.ts';

describe('the wish transition table (DESIGN.md §3)', () => {
  it('follows the four-step method from listing to closing', () => {
    expect(nextStatus('SUBMITTED', 'DISPATCH')).toBe('DISPATCHED');
    expect(nextStatus('DISPATCHED', 'ACCEPT')).toBe('ACCEPTED');
    expect(nextStatus('ACCEPTED', 'RESOLVE')).toBe('RESOLVED');
    expect(nextStatus('RESOLVED', 'EVALUATE')).toBe('CLOSED');
  });

  it('sends declined, abandoned, escalated and reopened wishes back to SUBMITTED', () => {
    expect(nextStatus('DISPATCHED', 'DECLINE')).toBe('SUBMITTED');
    expect(nextStatus('ACCEPTED', 'ABANDON')).toBe('SUBMITTED');
    expect(nextStatus('ACCEPTED', 'ESCALATE')).toBe('SUBMITTED');
    expect(nextStatus('RESOLVED', 'REOPEN')).toBe('SUBMITTED');
  });

  it('lets the pool claim only an open wish, and the first claim accepts it', () => {
    expect(nextStatus('OPEN_FOR_CLAIM', 'CLAIM')).toBe('ACCEPTED');
    for (const status of WISH_STATUSES.filter((s) => s !== 'OPEN_FOR_CLAIM')) {
      expect(nextStatus(status, 'CLAIM')).toBeNull();
    }
  });

  it('has no way out of CLOSED, REJECTED and CANCELLED', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const action of WISH_ACTIONS) expect(nextStatus(status, action)).toBeNull();
    }
  });

  it('lets the resident cancel only before anyone accepted it', () => {
    const cancellable = WISH_STATUSES.filter((s) => nextStatus(s, 'CANCEL') !== null);
    expect(cancellable).toEqual(['SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED']);
  });

  it('never lists SUBMIT as a transition from a state (it creates the wish)', () => {
    for (const status of WISH_STATUSES) expect(TRANSITIONS[status].SUBMIT).toBeUndefined();
  });

  it('names who may take every action', () => {
    for (const action of WISH_ACTIONS) expect(ACTORS[action].length).toBeGreaterThan(0);
    expect(mayAct('DISPATCH', new Set(['HANDLER']))).toBe(true);
    expect(mayAct('DISPATCH', new Set(['OWNER', 'ASSIGNEE', 'CLAIMER']))).toBe(false);
    expect(mayAct('EVALUATE', new Set(['OWNER']))).toBe(true);
    expect(mayAct('EVALUATE', new Set(['HANDLER']))).toBe(false);
    expect(mayAct('AUTO_CLOSE', new Set(['HANDLER', 'OWNER']))).toBe(false);
  });

  it('closes on 3–5 stars and reopens on 1–2', () => {
    expect([1, 2, 3, 4, 5].map(evaluationAction)).toEqual(['REOPEN', 'REOPEN', 'EVALUATE', 'EVALUATE', 'EVALUATE']);
  });

  it('offers a viewer exactly the legal actions of their relations', () => {
    expect(availableActions('SUBMITTED', new Set(['HANDLER']))).toEqual([
      'DISPATCH',
      'OPEN_FOR_CLAIM',
      'ESCALATE',
      'REJECT',
      'MERGE',
    ]);
    expect(availableActions('SUBMITTED', new Set(['OWNER']))).toEqual(['CANCEL']);
    expect(availableActions('RESOLVED', new Set(['OWNER']))).toEqual(['EVALUATE', 'REOPEN']);
    expect(availableActions('CLOSED', new Set(['OWNER', 'HANDLER', 'ASSIGNEE']))).toEqual([]);
  });

  it('lets only the owner rate; a handler of a wish with no resident closes it unevaluated instead', () => {
    for (const action of ['EVALUATE', 'REOPEN'] as const) {
      expect(ACTORS[action]).toEqual(['OWNER']);
      expect(mayAct(action, new Set(['HANDLER', 'LISTER', 'CLOSER', 'ASSIGNEE']))).toBe(false);
    }
    expect(nextStatus('RESOLVED', 'CLOSE_UNEVALUATED')).toBe('CLOSED');
    for (const status of WISH_STATUSES.filter((s) => s !== 'RESOLVED')) {
      expect(nextStatus(status, 'CLOSE_UNEVALUATED'), status).toBeNull();
    }
    expect(mayAct('CLOSE_UNEVALUATED', new Set(['CLOSER']))).toBe(true);
    expect(mayAct('CLOSE_UNEVALUATED', new Set(['HANDLER', 'OWNER', 'LISTER', 'ASSIGNEE']))).toBe(false);
    expect(availableActions('RESOLVED', new Set(['HANDLER', 'CLOSER', 'LISTER']))).toEqual(['CLOSE_UNEVALUATED']);
    expect(availableActions('RESOLVED', new Set(['HANDLER']))).toEqual([]);
    // Whoever listed a wish may still withdraw it, resident or not.
    expect(availableActions('SUBMITTED', new Set(['LISTER']))).toEqual(['CANCEL']);
  });

  it('knows the relations from the wish: no owner without a resident, a closer only then', () => {
    const viewer = (personId: number, role: 'BRANCH_SECRETARY' | 'GRID_WORKER' | 'RESIDENT', path: string) => ({
      personId,
      displayName: 'x',
      roles: [{ role, orgUnitId: 1, orgPath: path, scopePath: path }],
    });
    const wish = (residentId: number | null, listedById: number) => ({
      status: 'RESOLVED' as const,
      compoundPath: '/1/2/3/',
      handlingPath: '/1/2/3/',
      residentId,
      listedById,
      assigneeIds: [],
      activeAssigneeIds: [],
    });
    const secretary = viewer(7, 'BRANCH_SECRETARY', '/1/2/');
    const grid = viewer(8, 'GRID_WORKER', '/1/2/');
    const resident = viewer(9, 'RESIDENT', '/1/2/3/');
    // Listed by the secretary with no resident: she is its lister, handler and closer, never its owner.
    expect([...relationsTo(secretary, wish(null, 7))].sort()).toEqual(['CLOSER', 'HANDLER', 'LISTER']);
    // Listed by a grid worker for a resident: both own it; the secretary only handles it.
    expect([...relationsTo(grid, wish(9, 8))].sort()).toEqual(['LISTER', 'OWNER']);
    expect([...relationsTo(resident, wish(9, 8))]).toEqual(['OWNER']);
    expect([...relationsTo(secretary, wish(9, 8))]).toEqual(['HANDLER']);
    // Listed by a grid worker with no resident: he may withdraw it, not rate it.
    expect([...relationsTo(grid, wish(null, 8))]).toEqual(['LISTER']);
    // Listed by the secretary for a resident: she handles it and may withdraw it, but the resident rates it.
    expect([...relationsTo(secretary, wish(9, 7))].sort()).toEqual(['HANDLER', 'LISTER']);
  });
});
