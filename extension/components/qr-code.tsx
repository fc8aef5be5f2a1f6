import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG rectangles by React (no markup string is ever parsed), for a colleague to
 * scan an invitation link with a phone and send it on (WeChat) to the computer they work on.
 */
export function QrCode(props: { text: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(props.text);
    qr.make();
    const n = qr.getModuleCount();
    const dark: [number, number][] = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) dark.push([r, c]);
    return { n, dark };
  }, [props.text]);
  const margin = 4;
  const view = cells.n + margin * 2;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={props.label}
      width={props.size ?? 180}
      height={props.size ?? 180}
      viewBox={`0 0 ${view} ${view}`}
      shapeRendering="crispEdges"
    >
      <rect width={view} height={view} fill="#fff" />
      <path fill="#000" d={cells.dark.map(([r, c]) => `M${c + margin} ${r + margin}h1v1h-1z`).join('')} />
    </svg>
  );
}
