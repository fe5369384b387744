/**
 * Texts of the day in every pocket and on every screen: the Jornada's phase, the installable
 * agenda and table view, push, the calendar feed, QR check-in, the big screen and the table's
 * safety net. Merged into `es` / `en` in messages.ts; English must have the same keys.
 */
export const esPocket = {
  'phase.before': 'La Jornada aún no empieza: la primera ronda es el {date} a las {time} ({tz}).',
  'phase.after': 'La Jornada terminó el {date} a las {time} ({tz}). Las reuniones ya no cambian.',
  'calendar.title': 'Calendario del teléfono',
  'calendar.help':
    'Suscriba su calendario (Google, Apple, Outlook) a su agenda: los cambios del día —una reunión movida, retrasada o cancelada— llegan solos. El archivo de «Añadir al calendario» es una copia que no se actualiza.',
  'calendar.url': 'Enlace de suscripción (no lo comparta)',
  'calendar.open': 'Abrir en mi calendario',
  'calendar.google': 'Añadir a Google Calendar',
  'calendar.copy': 'Copiar enlace',
  'calendar.copied': 'Enlace copiado.',
  'calendar.create': 'Crear enlace de calendario',
  'calendar.renew': 'Enlace nuevo (anula el anterior)',
  'calendar.revoke': 'Revocar el enlace',
  'calendar.activeElsewhere': 'Hay un enlace de calendario activo desde el {at}. Si no lo tiene a mano, cree uno nuevo.',
  'hybrid.badge': 'Híbrida',
  'hybrid.join': 'Unirse a la videollamada',
  'hybrid.edit': 'Videollamada…',
  'hybrid.url': 'Enlace de videollamada (https://…)',
  'hybrid.save': 'Guardar enlace',
  'hybrid.remove': 'Quitar (presencial)',
  'hybrid.saved': 'Enlace guardado: la reunión es híbrida.',
  'hybrid.removed': 'La reunión vuelve a ser presencial.',
  'field.remote': 'Participa a distancia',
  'field.videoUrl': 'Enlace de videollamada',
  'field.videoUrlHint': 'https://…; sus reuniones serán híbridas',
  'bool.yes': 'Sí',
  'bool.no': 'No',
};

export const enPocket: Record<keyof typeof esPocket, string> = {
  'phase.before': 'The event has not started yet: the first round is on {date} at {time} ({tz}).',
  'phase.after': 'The event ended on {date} at {time} ({tz}). Meetings no longer change.',
  'calendar.title': 'Phone calendar',
  'calendar.help':
    'Subscribe your calendar (Google, Apple, Outlook) to your agenda: the day’s changes —a meeting moved, delayed or cancelled— arrive by themselves. The “Add to calendar” file is a copy that does not update.',
  'calendar.url': 'Subscription link (do not share it)',
  'calendar.open': 'Open in my calendar',
  'calendar.google': 'Add to Google Calendar',
  'calendar.copy': 'Copy link',
  'calendar.copied': 'Link copied.',
  'calendar.create': 'Create calendar link',
  'calendar.renew': 'New link (revokes the old one)',
  'calendar.revoke': 'Revoke the link',
  'calendar.activeElsewhere': 'A calendar link has been active since {at}. If you do not have it at hand, create a new one.',
  'hybrid.badge': 'Hybrid',
  'hybrid.join': 'Join the video call',
  'hybrid.edit': 'Video call…',
  'hybrid.url': 'Video-call link (https://…)',
  'hybrid.save': 'Save link',
  'hybrid.remove': 'Remove (on site)',
  'hybrid.saved': 'Link saved: the meeting is hybrid.',
  'hybrid.removed': 'The meeting is on site again.',
  'field.remote': 'Takes part remotely',
  'field.videoUrl': 'Video-call link',
  'field.videoUrlHint': 'https://…; its meetings will be hybrid',
  'bool.yes': 'Yes',
  'bool.no': 'No',
};
