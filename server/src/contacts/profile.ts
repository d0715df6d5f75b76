/**
 * Applying a change to a contact's fields and attributes, writing one timeline entry per real change
 * ("who changed what"). Shared by identify (the host page), the forms (the visitor) and agents.
 */
import {
  type AttributeValue,
  attributeText,
  type ContactActor,
  type ContactChange,
  type ContactField,
} from '@frontdesk/shared';
import type { ContactFieldsPatch, ContactRecord, ContactsStore } from './store.ts';

export type ProfileChange = {
  fields?: Partial<Record<ContactField, string | null>>;
  setAttributes?: ({ key: string } & AttributeValue)[];
  removeAttributes?: string[];
  addTags?: string[];
  removeTags?: string[];
};

/** Applies `change` to `record`; returns the timeline entries written (none when nothing changed). */
export async function applyProfile(
  store: ContactsStore,
  record: ContactRecord,
  change: ProfileChange,
  actor: ContactActor,
  at: string,
): Promise<ContactChange[]> {
  const changes: ContactChange[] = [];
  const fields: ContactFieldsPatch = {};
  for (const [field, value] of Object.entries(change.fields ?? {}) as [ContactField, string | null][]) {
    if (value === undefined || record[field] === value) continue;
    fields[field] = value;
    changes.push({ kind: 'field', field, from: record[field], to: value });
  }
  if (Object.keys(fields).length > 0) await store.updateContactFields(record.id, fields);

  if ((change.setAttributes?.length ?? 0) > 0 || (change.removeAttributes?.length ?? 0) > 0) {
    const before = new Map((await store.listAttributes(record.id)).map((a) => [a.key, a]));
    const set = (change.setAttributes ?? []).filter((a) => {
      const old = before.get(a.key);
      return !old || old.type !== a.type || old.value !== a.value;
    });
    const removed = (change.removeAttributes ?? []).filter((key) => before.has(key));
    await store.setAttributes(record.id, set);
    await store.removeAttributes(record.id, removed);
    for (const a of set) {
      const old = before.get(a.key);
      changes.push({
        kind: 'attribute',
        key: a.key,
        from: old ? attributeText(old) : null,
        to: attributeText(a),
      });
    }
    for (const key of removed) {
      const old = before.get(key);
      changes.push({ kind: 'attribute', key, from: old ? attributeText(old) : null, to: null });
    }
  }

  if ((change.addTags?.length ?? 0) > 0 || (change.removeTags?.length ?? 0) > 0) {
    const before = new Set(await store.listTags(record.id));
    const added = [...new Set(change.addTags ?? [])].filter((t) => !before.has(t));
    const removed = [...new Set(change.removeTags ?? [])].filter((t) => before.has(t));
    await store.addTags(record.siteId, record.id, added);
    await store.removeTags(record.id, removed);
    for (const tag of added) changes.push({ kind: 'tag_added', tag });
    for (const tag of removed) changes.push({ kind: 'tag_removed', tag });
  }

  await store.addTimeline(
    record.siteId,
    record.id,
    changes.map((c) => ({ at, actor, change: c })),
  );
  return changes;
}
