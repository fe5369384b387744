/**
 * Texts of the offline agenda and table view: how old the data on screen is, the marks waiting
 * for the connection and the server's verdict on them. Merged into `es` / `en` in messages.ts.
 */
export const esOffline = {
  'offline.banner': 'Sin conexión — datos de las {time}',
  'offline.bannerDay': 'Sin conexión — datos del {date} a las {time}',
  'offline.help': 'Se actualiza sola cuando vuelva la conexión.',
  'offline.queued': '{n, plural, one {# marca espera} other {# marcas esperan}} la conexión para enviarse.',
  'offline.queuedNow': 'Sin conexión: la marca «{status}» de {pair} se guardó y se enviará cuando vuelva la conexión.',
  'offline.pending': 'Pendiente de envío: {status}',
  'offline.report': 'Marcas hechas sin conexión',
  'offline.sent': 'Enviada: «{status}» · {pair}',
  'offline.already': 'Ya estaba aplicada: «{status}» · {pair}',
  'offline.refused': 'No se aplicó «{status}» · {pair}: {reason}',
  'offline.now': 'Ahora: «{status}».',
  'offline.nowAt': 'Ahora: «{status}», {time} · Mesa {n}.',
  'offline.dismiss': 'Entendido',
  'offline.signOutUnsent':
    '{n, plural, one {# marca hecha sin conexión aún no se envió} other {# marcas hechas sin conexión aún no se enviaron}}: si sale ahora, se {n, plural, one {perderá} other {perderán}}. ¿Salir de todos modos?',
} as const;

export const enOffline: Record<keyof typeof esOffline, string> = {
  'offline.banner': 'Offline — data from {time}',
  'offline.bannerDay': 'Offline — data from {date} at {time}',
  'offline.help': 'It updates itself when the connection returns.',
  'offline.queued': '{n, plural, one {# mark is} other {# marks are}} waiting for the connection.',
  'offline.queuedNow': 'Offline: the mark "{status}" for {pair} was saved and will be sent when the connection returns.',
  'offline.pending': 'Waiting to be sent: {status}',
  'offline.report': 'Marks made offline',
  'offline.sent': 'Sent: "{status}" · {pair}',
  'offline.already': 'Already applied: "{status}" · {pair}',
  'offline.refused': 'Not applied: "{status}" · {pair}: {reason}',
  'offline.now': 'Now: "{status}".',
  'offline.nowAt': 'Now: "{status}", {time} · Table {n}.',
  'offline.dismiss': 'Dismiss',
  'offline.signOutUnsent':
    '{n, plural, one {# mark made offline has} other {# marks made offline have}} not been sent yet: signing out now will lose {n, plural, one {it} other {them}}. Sign out anyway?',
};
