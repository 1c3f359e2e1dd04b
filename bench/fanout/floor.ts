/**
 * The floor: a bare `ws` server speaking just enough of graphql-transport-ws (connection_init → ack,
 * subscribe → remember the id) and, on an IPC message from the bench, sending one `next` frame with the given
 * payload to every subscriber (the payload serialised once, framed per subscriber with its operation id: what
 * a server that did no per-subscriber work would send). Run as a child process so its memory and CPU are its own.
 */
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const subscribers = new Map<WebSocket, string>();
const wss = new WebSocketServer({
  host: '127.0.0.1',
  port,
  handleProtocols: (protocols) => [...protocols][0] ?? false,
});

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: string };
    if (message.type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
    else if (message.type === 'subscribe' && message.id) subscribers.set(socket, message.id);
    else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
  });
  socket.on('close', () => subscribers.delete(socket));
});

wss.on('listening', () => {
  const address = wss.address();
  process.send?.({ type: 'listening', port: address && typeof address === 'object' ? address.port : port });
});

process.on('message', (raw) => {
  const message = raw as { type: string; event?: Record<string, unknown> };
  if (message.type === 'subscribers') process.send?.({ type: 'subscribers', count: subscribers.size });
  if (message.type === 'emit' && message.event) {
    // The commit: `at` is now, as a database would stamp it.
    const payload = JSON.stringify({ data: { wishEvents: { ...message.event, at: new Date().toISOString() } } });
    for (const [socket, id] of subscribers)
      socket.send(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`);
    process.send?.({ type: 'emitted' });
  }
  if (message.type === 'stop') wss.close(() => process.exit(0));
});
