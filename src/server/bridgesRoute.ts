// GET /api/bridges?a=&b=&limit= → BridgesResponse. Unknown topics are 404 and the
// same topic on both sides is 400 (ExploreError, mapped by the app's error handler).
// Answers are kept per graph (answerCache.ts).
import type { Request, Response } from 'express';
import { findBridges } from '../explore/bridges/index.ts';
import type { AppContext } from './app.ts';
import { cachedAnswerAsync, sendAnswer } from './answerCache.ts';
import { intParam, stringParam } from './params.ts';

export function bridgesRoute(ctx: Pick<AppContext, 'store' | 'snapshot' | 'answerCacheBytes'>): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const a = stringParam(req.query.a, 'a', { max: 200 });
    const b = stringParam(req.query.b, 'b', { max: 200 });
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 100, fallback: 10 });
    const snapshot = ctx.snapshot();
    const answer = await cachedAnswerAsync(snapshot, `bridges\0${a}\0${b}\0${limit}`, ctx.answerCacheBytes ?? 0, () => findBridges(ctx.store, snapshot, a, b, { limit }));
    sendAnswer(req, res, answer);
  };
}
