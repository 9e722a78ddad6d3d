export {
  checkMail,
  composeMail,
  type MailAttachment,
  MailCompositionError,
  type MailMessage,
  messageIdOf,
} from "./message";
export {
  type MailDelivery,
  type MailFailure,
  type MailTransport,
  mailFailure,
  mailTransport,
  OUTBOX_FROM,
  OUTBOX_RESPONSE,
  outboxTransport,
  smtpTransport,
} from "./transport";
