/**
 * socket.io's own parser, minus binary: our protocol is JSON only, so a binary packet (or raw binary
 * data) is a protocol violation. Throwing in the decoder makes socket.io close that connection at
 * once, before any attachment is buffered; the sockets on it get an `error` event (logged).
 */
import { Decoder, Encoder, PacketType } from 'socket.io-parser';

const BINARY_TYPES = new Set([String(PacketType.BINARY_EVENT), String(PacketType.BINARY_ACK)]);

class TextOnlyDecoder extends Decoder {
  override add(data: unknown): void {
    if (typeof data !== 'string') throw new Error('binary data is not part of this protocol');
    if (BINARY_TYPES.has(data.charAt(0))) throw new Error('binary packets are not part of this protocol');
    super.add(data);
  }
}

export const textOnlyParser = { Encoder, Decoder: TextOnlyDecoder };
