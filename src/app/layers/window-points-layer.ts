// One draw call for a run of rows: events are sorted by start, so a time window is a contiguous run [firstRow,
// firstRow + rowCount) of the buffers, drawn with drawArrays(first, count). Rows outside are not touched at all, so
// a frame costs the visible events, not all of them. Fading, the legend's categories and the search are uniforms
// or per-row attributes uploaded once, never per frame; colours come from the category, sizes from the source count.
// Markers are non-instanced point sprites (one vertex, one antialiased disc per event): SwiftShader (software
// WebGL, our CI and many locked-down desktops) pays a large fixed cost per *instance* of an instanced draw such as
// ScatterplotLayer's; a plain POINTS draw of the same events costs a fraction of it.
// Markers at full strength are drawn nearer than faded ones (depth), so a fresh marker is never covered by a faded one
// drawn after it, in the one draw.
import { Layer, project32 } from '@deck.gl/core';
import type { Accessor, DefaultProps, LayerProps, UpdateParameters } from '@deck.gl/core';
import type { Model } from '@luma.gl/engine';
import { pointSpriteModel } from './point-sprite-model.ts';
import type { ShaderModule } from '@luma.gl/shadertools';
import { ALL_CATEGORIES } from '../data/prepared-events.ts';

export type Rgb = readonly [number, number, number];

type WindowPointsUniforms = {
  radiusPixels: number;
  radiusPerSource: number;
  maxRadiusPixels: number;
  outlinePixels: number;
  offsetScale: number;
  fadeTime: number;
  fadeDays: number;
  fadedOpacity: number;
  activeFrom: number;
  categoryMask: number;
};

const uniformBlock = /* glsl */ `\
layout(std140) uniform windowPointsUniforms {
  float radiusPixels;
  float radiusPerSource;
  float maxRadiusPixels;
  float outlinePixels;
  float offsetScale;
  float fadeTime;
  float fadeDays;
  float fadedOpacity;
  float activeFrom;
  int categoryMask;
} windowPoints;
`;

const windowPointsModule = {
  name: 'windowPoints',
  vs: uniformBlock,
  // Only the vertex shader reads these; declared in both, the int's default precision would differ and fail to link.
  fs: '',
  uniformTypes: {
    radiusPixels: 'f32', radiusPerSource: 'f32', maxRadiusPixels: 'f32', outlinePixels: 'f32', offsetScale: 'f32',
    fadeTime: 'f32', fadeDays: 'f32', fadedOpacity: 'f32', activeFrom: 'f32', categoryMask: 'i32',
  },
} as ShaderModule<WindowPointsUniforms, WindowPointsUniforms>;

/** A marker's shape, as the vertex shader tells the fragment shader (vShape.w). */
const SHAPES = /* glsl */ `\
const float SHAPE_DISC = 0.0;
const float SHAPE_UNCERTAIN = 1.0;
const float SHAPE_AREA = 2.0;
const float SHAPE_AREA_UNCERTAIN = 3.0;
`;

/** The vertex shader with the palette as a constant array: colours cost no attribute and no upload. */
function vertexShader(palette: readonly Rgb[]): string {
  const colours = palette.map(([r, g, b]) => `vec3(${(r / 255).toFixed(4)}, ${(g / 255).toFixed(4)}, ${(b / 255).toFixed(4)})`);
  return /* glsl */ `\
#version 300 es
#define SHADER_NAME window-points-layer-vertex-shader

in vec2 worldPositions;
in vec2 worldPositionsLow;
in float lastDays;
in float flags;
in float categories;
in float sources;
in float matches;
in vec2 offsets;

// Flat: a point sprite's values are the same over all its pixels, so the rasterizer need not interpolate them per pixel
// (in software rendering each interpolated float is paid for on every pixel of every marker).
flat out vec4 vColor;
// radius, sprite size, inner edge (where the rim, the ring or the area's dashes begin), shape (SHAPE_* below).
flat out vec4 vShape;

${SHAPES}
const vec3 PALETTE[${colours.length}] = vec3[${colours.length}](${colours.join(', ')});

void main(void) {
  int category = int(categories * 255.0 + 0.5);
  bool shown = matches > 0.0 && ((windowPoints.categoryMask >> category) & 1) == 1 && lastDays >= windowPoints.activeFrom;
  if (!shown) {
    // Outside the clip volume: the rasterizer drops it.
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  // Common space computed once on the CPU (no per-vertex trigonometry); commonOrigin and center are zero unless
  // deck.gl is in its offset mode (zoomed in), where they keep the subtraction exact.
  vec2 commonPosition = (worldPositions - project.commonOrigin.xy) + worldPositionsLow;
  gl_Position = project.viewProjectionMatrix * vec4(commonPosition, 0.0, 1.0) + project.center;
  // Co-located events sit on a spiral around the first, in screen pixels (y down).
  vec2 offsetPixels = offsets * 127.0 * windowPoints.offsetScale * vec2(1.0, -1.0);
  gl_Position.xy += offsetPixels / project.viewportSize * project.devicePixelRatio * 2.0 * gl_Position.w;
  float sourceCount = floor(sources * 255.0 + 0.5);
  float radius = min(windowPoints.maxRadiusPixels, windowPoints.radiusPixels + windowPoints.radiusPerSource * max(0.0, sourceCount - 1.0));
  float radiusPixels = radius * project.devicePixelRatio;
  // Half a pixel of margin each side: the antialiased edge (smoothedge) reaches radius + 0.5 and no further. Every
  // pixel of the sprite is shaded, so each pixel saved here is a saving on every visible event.
  float sizePixels = 2.0 * radiusPixels + 1.0;
  gl_PointSize = sizePixels;
  // Full strength while the cursor is at most the last day, plus the fade days unless a persisting state (flags bit 0;
  // the other bits say planned, ongoing, dated by the report, bit 4 a date known only to its month or year, bit 5 a
  // place that is a whole country or region).
  int styleFlags = int(flags * 255.0 + 0.5);
  float freshUntil = (styleFlags & 1) == 1 ? lastDays : lastDays + windowPoints.fadeDays;
  bool uncertain = (styleFlags & 16) == 16;
  bool area = (styleFlags & 32) == 32;
  // The inner edge: the area's dashed band, the uncertain date's ring, or the white rim (on discs at least three times
  // as wide as it); a solid disc without a rim gets one beyond its edge, so its every pixel is inside.
  float rimPixels = radius >= 3.0 * windowPoints.outlinePixels ? windowPoints.outlinePixels * project.devicePixelRatio : -1.0;
  float innerPixels = radiusPixels - (area ? max(1.5, radiusPixels * 0.28) : uncertain ? max(1.5, radiusPixels * 0.3) : rimPixels);
  vShape = vec4(radiusPixels, sizePixels, innerPixels, area ? (uncertain ? SHAPE_AREA_UNCERTAIN : SHAPE_AREA) : uncertain ? SHAPE_UNCERTAIN : SHAPE_DISC);
  bool fresh = windowPoints.fadeTime <= freshUntil;
  gl_Position.z = (fresh ? -0.5 : 0.5) * gl_Position.w;
  vColor = vec4(PALETTE[min(category, ${colours.length - 1})], (fresh ? 1.0 : windowPoints.fadedOpacity) * layer.opacity);
}
`;
}

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME window-points-layer-fragment-shader

precision highp float;

flat in vec4 vColor;
flat in vec4 vShape;

out vec4 fragColor;

${SHAPES}
// Opacity of an uncertain-date marker's inside: the ring says where, the pale inside that the day is not known.
const float UNCERTAIN_FILL = 0.22;
// A place that is a whole country or region: dashes of an area's edge around a pale inside, no solid point.
const float AREA_DASHES = 10.0;
const float AREA_FILL = 0.3;

void main(void) {
  vec2 fromCenter = gl_PointCoord - 0.5;
  float distToCenter = length(fromCenter) * vShape.y;
  float inCircle = smoothedge(distToCenter, vShape.x);
  if (inCircle == 0.0) discard;
  float inside = smoothedge(distToCenter, vShape.z);
  if (vShape.w == SHAPE_DISC) {
    // A white rim, as a printed map rings its symbols, so neighbours and the basemap stay apart (none: inside is 1).
    fragColor = vec4(mix(vec3(1.0), vColor.rgb, inside), vColor.a * inCircle);
  } else if (vShape.w == SHAPE_UNCERTAIN) {
    // A date known only to its month or year: a ring of the category's colour around a translucent inside.
    fragColor = vec4(vColor.rgb, vColor.a * inCircle * mix(1.0, UNCERTAIN_FILL, inside));
  } else {
    float dash = step(0.45, fract(atan(fromCenter.y, fromCenter.x) / 6.2831853 * AREA_DASHES));
    float fill = vShape.w == SHAPE_AREA_UNCERTAIN ? UNCERTAIN_FILL * 0.7 : AREA_FILL;
    fragColor = vec4(vColor.rgb, vColor.a * inCircle * max((1.0 - inside) * dash, inside * fill));
  }
}
`;

export type WindowPointsLayerProps<DataT = unknown> = {
  /** deck.gl common-space position (Web Mercator, 512 units around the world, y north), see PreparedEvents.world. */
  getWorldPosition?: Accessor<DataT, [number, number]>;
  /** The exact position minus getWorldPosition's Float32 value. */
  getWorldPositionLow?: Accessor<DataT, [number, number]>;
  /** Last day the row is active (same origin as fadeTime): rows with lastDays < activeFrom are not drawn, and rows
   * are faded once fadeTime is past it (plus fadeDays unless getFlags says persisting). */
  getLastDay?: Accessor<DataT, number>;
  /** Style flags (PreparedEvents.flags): bit 0 a persisting state, faded only after its last day; bit 4 a date known
   * only to its month or year, drawn as a ring around a translucent inside; bit 5 a place that is a whole country or
   * region, drawn as a dashed ring. */
  getFlags?: Accessor<DataT, number>;
  /** Category index: the colour (palette) and the categoryMask bit. */
  getCategory?: Accessor<DataT, number>;
  /** Number of sources: each beyond the first adds radiusPerSource. */
  getSourceCount?: Accessor<DataT, number>;
  /** 1 when the row matches the reader's search, 0 when it does not. */
  getMatch?: Accessor<DataT, number>;
  /** Pixel offset from the position (co-located events), in 1/127 units of 127 px (an Int8 pair). */
  getOffset?: Accessor<DataT, [number, number]>;
  /** RGB per category index. Read once, when the layer's shaders are built. */
  palette?: readonly Rgb[];
  /** First row drawn. @default 0 */
  firstRow?: number;
  /** Rows drawn from firstRow; -1 for all the rest. @default -1 */
  rowCount?: number;
  /** Disc radius of a one-source event in CSS pixels. @default 3 */
  radiusPixels?: number;
  /** Added to the radius per source beyond the first. @default 0 */
  radiusPerSource?: number;
  /** Largest radius. @default 3 */
  maxRadiusPixels?: number;
  /** Width of the white rim, in pixels; drawn only on discs at least three times as wide. @default 0 */
  outlinePixels?: number;
  /** Multiplies the co-location offsets (smaller markers need less room). @default 1 */
  offsetScale?: number;
  /** Cursor day, same origin as getLastDay. */
  fadeTime?: number;
  /** Days after its last day an event stays at full strength (the app's "Fade after"). @default 30 */
  fadeDays?: number;
  /** Opacity of faded rows. @default 0.3 */
  fadedOpacity?: number;
  /** Rows whose lastDays is below this are not drawn. @default -3e38 */
  activeFrom?: number;
  /** Bit k set: category k drawn. @default ALL_CATEGORIES */
  categoryMask?: number;
} & LayerProps;

const GREYS: readonly Rgb[] = Array.from({ length: 16 }, () => [110, 110, 110] as const);
const shaderCache = new Map<readonly Rgb[], string>();

export class WindowPointsLayer<DataT = unknown, ExtraProps extends object = object> extends Layer<Required<WindowPointsLayerProps<DataT>> & ExtraProps> {
  static override layerName = 'WindowPointsLayer';
  static override defaultProps: DefaultProps<WindowPointsLayerProps> = {
    getWorldPosition: { type: 'accessor', value: [0, 0] },
    getWorldPositionLow: { type: 'accessor', value: [0, 0] },
    getLastDay: { type: 'accessor', value: 3.0e38 },
    getFlags: { type: 'accessor', value: 0 },
    getCategory: { type: 'accessor', value: 0 },
    getSourceCount: { type: 'accessor', value: 1 },
    getMatch: { type: 'accessor', value: 255 },
    getOffset: { type: 'accessor', value: [0, 0] },
    palette: { type: 'object', value: GREYS, compare: false },
    firstRow: 0,
    rowCount: -1,
    radiusPixels: { type: 'number', min: 0, value: 3 },
    radiusPerSource: { type: 'number', min: 0, value: 0 },
    maxRadiusPixels: { type: 'number', min: 0, value: 3 },
    outlinePixels: { type: 'number', min: 0, value: 0 },
    offsetScale: { type: 'number', min: 0, value: 1 },
    fadeTime: 0,
    fadeDays: 30,
    fadedOpacity: 0.3,
    activeFrom: -3.0e38,
    categoryMask: ALL_CATEGORIES,
  };
  declare state: { model?: Model };

  override getShaders() {
    const palette = this.props.palette;
    let vs = shaderCache.get(palette);
    if (!vs) shaderCache.set(palette, (vs = vertexShader(palette)));
    return super.getShaders({ vs, fs, modules: [project32, windowPointsModule] });
  }

  override initializeState(): void {
    this.getAttributeManager()!.add({
      worldPositions: { size: 2, type: 'float32', accessor: 'getWorldPosition' },
      worldPositionsLow: { size: 2, type: 'float32', accessor: 'getWorldPositionLow' },
      lastDays: { size: 1, type: 'float32', accessor: 'getLastDay' },
      // unorm8 / snorm8: bytes read as floats (integer attribute types would need integer shader inputs).
      flags: { size: 1, type: 'unorm8', accessor: 'getFlags' },
      categories: { size: 1, type: 'unorm8', accessor: 'getCategory' },
      sources: { size: 1, type: 'unorm8', accessor: 'getSourceCount' },
      matches: { size: 1, type: 'unorm8', accessor: 'getMatch' },
      offsets: { size: 2, type: 'snorm8', accessor: 'getOffset' },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged || !this.state.model) {
      this.state.model?.destroy();
      this.state.model = this.getModel();
      this.getAttributeManager()!.invalidateAll();
    }
  }

  override draw(): void {
    const { firstRow, rowCount, radiusPixels, radiusPerSource, maxRadiusPixels, outlinePixels, offsetScale, fadeTime, fadeDays,
      fadedOpacity, activeFrom, categoryMask } = this.props;
    const total = this.getNumInstances();
    const first = Math.max(0, Math.min(total, firstRow));
    const count = rowCount < 0 ? total - first : Math.min(rowCount, total - first);
    if (count <= 0) return;
    const model = this.state.model!;
    model.shaderInputs.setProps({
      windowPoints: { radiusPixels, radiusPerSource, maxRadiusPixels, outlinePixels, offsetScale, fadeTime, fadeDays, fadedOpacity, activeFrom, categoryMask },
    });
    model.setDrawOffsets({ firstVertex: first, firstIndex: 0 });
    model.setVertexCount(count);
    model.draw(this.context.renderPass);
  }

  private getModel(): Model {
    // Fresh markers are drawn nearer (see the vertex shader); nothing else on the overlay writes depth.
    return pointSpriteModel(this, this.getShaders(), { parameters: { depthWriteEnabled: true, depthCompare: 'less-equal' } });
  }
}
