// Where the reader's own features keep their data: the extension's storage areas, or the
// playground's localStorage (same interface: async get(key) / set(key, value)).
export function extensionStore(area) {
  return {
    async get(key) { try { return (await area.get(key))[key]; } catch { return undefined; } },
    async set(key, value) { try { await area.set({ [key]: value }); } catch { /* quota or no storage: not fatal */ } },
    async remove(key) { try { await area.remove(key); } catch { /* nothing to forget */ } },
  };
}

export function localStore(prefix = 'lectern-') {
  return {
    async get(key) { try { return JSON.parse(localStorage.getItem(prefix + key) ?? 'null') ?? undefined; } catch { return undefined; } },
    async set(key, value) { try { localStorage.setItem(prefix + key, JSON.stringify(value)); } catch { /* quota */ } },
    async remove(key) { try { localStorage.removeItem(prefix + key); } catch { /* nothing */ } },
  };
}

// A store kept in memory (tests).
export function memoryStore() {
  const m = new Map();
  return {
    async get(key) { return m.has(key) ? structuredClone(m.get(key)) : undefined; },
    async set(key, value) { m.set(key, structuredClone(value)); },
    async remove(key) { m.delete(key); },
  };
}
