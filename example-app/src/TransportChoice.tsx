import { useTransportState } from "rtvi-react-kit";
import { transportKind } from "./transport";

/**
 * WebRTC or WebSocket, as `?transport=websocket` in the address: the client is made once per
 * page, so switching reloads it (only while no call is on).
 */
export function TransportChoice() {
  const state = useTransportState();
  const idle = state === "disconnected" || state === "initialized" || state === "error";
  const pick = (ws: boolean) => {
    const url = new URL(window.location.href);
    if (ws) url.searchParams.set("transport", "websocket");
    else url.searchParams.delete("transport");
    window.location.assign(url.toString());
  };
  return (
    <label className="app-transport" data-transport={transportKind}>
      <input type="checkbox" checked={transportKind === "websocket"} disabled={!idle} onChange={(e) => pick(e.target.checked)} />
      WebSocket transport (WebRTC when off)
    </label>
  );
}
