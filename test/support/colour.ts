/** A colour as canvas writes it (`#rrggbb`), whatever CSS syntax it came in. */
export function normalColor(color: string): string {
  const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = '#010203';
  context.fillStyle = color;
  return context.fillStyle;
}

/** WCAG contrast of two opaque colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const hex = normalColor(color).slice(1);
    const [r, g, bl] = [0, 2, 4].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
