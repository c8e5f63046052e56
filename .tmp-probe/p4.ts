import { PGlite } from '@electric-sql/pglite';
(async () => {
  const db = new PGlite();
  const JS_SPACE = String.raw`\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
  const t = setTimeout(() => { console.log('HUNG'); process.exit(2); }, 60000);
  for (const v of ['13912345678', '测试联络员', '0377-65221234', '']) {
    const r = await db.query(`select case when v is null or v = '' then v when v ~ '^[0-9${JS_SPACE}+-]{7,}$' then left(v, 3) || repeat('*', greatest(length(v) - 5, 1)) || right(v, 2) else left(v, 1) || repeat('*', length(v) - 1) end as m from (select $1::text as v) as m`, [v]);
    console.log(v, JSON.stringify(r.rows));
  }
  clearTimeout(t); process.exit(0);
})().catch((e) => { console.error('ERR', e.message); process.exit(1); });
