export { startSmtpReceiver, startWebhookReceiver, type ReceivedWebhook } from './loopback-receivers';
