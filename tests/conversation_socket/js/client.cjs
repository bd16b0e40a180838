// Connects to the conversation socket as the dashboard does and prints what happened as JSON.
// Usage: node client.cjs <url> <token> <conversation id>
const { io } = require("socket.io-client");

const [url, token, conversationId] = process.argv.slice(2);
const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false });
const result = {};

function finish() {
  process.stdout.write(JSON.stringify(result));
  socket.disconnect();
  process.exit(0);
}

socket.on("connect_error", (error) => {
  result.connect_error = { message: error.message, data: error.data };
  finish();
});

socket.on("connect", async () => {
  result.connected = true;
  const payload = { conversation_id: conversationId };
  const received = new Promise((resolve) => socket.once("message:new", resolve));
  result.join = await socket.timeout(5000).emitWithAck("conversation:join", payload);
  result.send = await socket
    .timeout(5000)
    .emitWithAck("message:send", { ...payload, body: "From JavaScript", client_id: "js-1" });
  result.message_new = await received;
  result.bad_payload = await socket.timeout(5000).emitWithAck("message:send", "not an object");
  finish();
});
