// GET /api/bridges?a=&b=&limit= → BridgesResponse. Unknown topics are 404 and the
// same topic on both sides is 400 (ExploreError, mapped by the app's error handler).
import type { Request, Response } from 'express';
import { findBridges } from '../explore/bridges/index.ts';
import type { AppContext } from './app.ts';
import { intParam, stringParam } from './params.ts';

export function bridgesRoute(ctx: Pick<AppContext, 'store' | 'snapshot'>): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const a = stringParam(req.query.a, 'a', { max: 200 });
    const b = stringParam(req.query.b, 'b', { max: 200 });
    const limit = intParam(req.query.limit, 'limit', { min: 1, max: 100, fallback: 10 });
    res.json(await findBridges(ctx.store, ctx.snapshot(), a, b, { limit }));
  };
}
