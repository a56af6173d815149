/**
 * Every kind of field, in the order the form tries them: a prop gets the first kind that matches.
 * A kind lives in its own module (kinds/<kind>.ts) with its control, unless the control is large
 * or shared (controls/). To support a new prop type, add its kind here (see CONTRIBUTING.md).
 */
import type { ConfigurableProp } from '../../../wire/props.js';
import { alert } from './alert.js';
import { app } from './app.js';
import { boolean } from './boolean.js';
import { fileRef } from './file-ref.js';
import { httpRequest } from './http-request.js';
import { integer } from './integer.js';
import { json } from './json.js';
import { integerList, list } from './list.js';
import { note } from './note.js';
import { object } from './object.js';
import { multiSelect, select } from './options.js';
import { remote } from './remote.js';
import { sql } from './sql.js';
import { string } from './string.js';
import { timer } from './timer.js';
import type { KindDef } from './types.js';
import { unknown } from './unknown.js';

export const FIELD_KINDS: readonly KindDef[] = [
  alert,
  app,
  // Before any kind that takes input: a timer with a `static` schedule is a note, too.
  note,
  remote,
  // Types whose `options` are not choices (timer presets, SQL, HTTP, objects, any JSON) come before the option kinds.
  timer,
  sql,
  httpRequest,
  object,
  json,
  multiSelect,
  select,
  // Before `string`: a file reference is a string of a format.
  fileRef,
  string,
  list,
  integer,
  integerList,
  boolean,
  // Matches every prop: a JSON editor for any type without one of its own.
  unknown,
];

/** The kind of field a prop gets. */
export function kindOf(prop: ConfigurableProp): KindDef {
  const type = String(prop.type ?? '');
  return FIELD_KINDS.find((kind) => (kind.matches ? kind.matches(prop, type) : kind.type === type)) as KindDef;
}
