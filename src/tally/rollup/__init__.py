"""Many congresses, one set of tables: who was elected where, which contests wait, and the
composition of the new committees — for an organisation department (Ban Tổ chức)."""
