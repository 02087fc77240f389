export { startInspectorRelay, type InspectorRelay, type InspectorRelayOptions } from './relay.js';
export { createSocketSender, type Delivery, type SocketSender } from './socket-sender.js';
