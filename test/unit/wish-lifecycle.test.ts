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
    ]);
    expect(availableActions('SUBMITTED', new Set(['OWNER']))).toEqual(['CANCEL']);
    expect(availableActions('RESOLVED', new Set(['OWNER']))).toEqual(['EVALUATE', 'REOPEN']);
    expect(availableActions('CLOSED', new Set(['OWNER', 'HANDLER', 'ASSIGNEE']))).toEqual([]);
  });
});
