import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(process.argv[2]);
const r = await db.query(`select c.id, c.ended_at, c.recalls_stopped_at, c.script->'recall' as recall, a.attempt, a.placement, a.status, a.answered_at, a.answered_by, a.ringing_at, a.ended_at as a_end, a.scheduled_at from calls c join call_attempts a on a.call_id=c.id where c.member_phone='+442079460901' order by c.created_at, a.attempt`);
console.log(JSON.stringify(r.rows, null, 1));
const e = await db.query(`select e.attempt, e.call_status, e.sequence_number, e.received_at from call_events e join calls c on c.id=e.call_id where c.member_phone='+442079460901' order by e.received_at`);
console.log(JSON.stringify(e.rows));
