// The posture's marks under the event markers, in one draw: the pulse rings around recent incidents and the square
// frames under headquarters-like states. Point sprites (one vertex, the shape cut in the fragment shader), as the
// event markers are (window-points-layer.ts): an instanced layer such as ScatterplotLayer or IconLayer pays, in
// software rendering, a fixed cost for every instance on every frame, and the rings change on every step of the time.
// One layer type also compiles one shader at start-up instead of two.
import { Layer, project32 } from '@deck.gl/core';
import type { Accessor, Color, DefaultProps, LayerProps, Position, UpdateParameters } from '@deck.gl/core';
import type { Model } from '@luma.gl/engine';
import { pointSpriteModel } from './point-sprite-model.ts';

/** The shapes a mark can take. */
export const MARK_SHAPES = { ring: 0, square: 1 } as const;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME posture-marks-layer-vertex-shader

in vec3 positions;
in vec3 positions64Low;
in vec4 colors;
in float sizes;
in float shapes;
in float lineWidths;

out vec4 vColor;
out float vSpritePixels;
out float vShape;
out float vLinePixels;

void main(void) {
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0));
  // A pixel of margin each side for the antialiased edge.
  vSpritePixels = sizes * project.devicePixelRatio + 2.0;
  gl_PointSize = vSpritePixels;
  vLinePixels = lineWidths * project.devicePixelRatio;
  vShape = shapes;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME posture-marks-layer-fragment-shader

precision highp float;

in vec4 vColor;
in float vSpritePixels;
in float vShape;
in float vLinePixels;

out vec4 fragColor;

void main(void) {
  // Device pixels from the centre, and the half-width of the shape itself.
  vec2 p = (gl_PointCoord - 0.5) * vSpritePixels;
  float outer = (vSpritePixels - 2.0) * 0.5;
  float alpha;
  if (vShape < 0.5) {
    // A ring whose stroke ends at the outer radius.
    float middle = outer - vLinePixels * 0.5;
    alpha = clamp(vLinePixels * 0.5 - abs(length(p) - middle) + 0.5, 0.0, 1.0);
  } else {
    // The square frame as a 64-unit icon: a rounded rectangle inset 5 units, corners of 8, a 7-unit stroke centred on
    // its edge over a quarter-strength fill.
    float unit = outer / 32.0;
    float corner = 8.0 * unit;
    vec2 q = abs(p) - vec2(27.0 * unit - corner);
    float edge = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - corner;
    float stroke = clamp(3.5 * unit - abs(edge) + 0.5, 0.0, 1.0);
    float fill = clamp(0.5 - edge, 0.0, 1.0) * 0.25;
    alpha = max(stroke, fill);
  }
  if (alpha <= 0.0) discard;
  fragColor = vec4(vColor.rgb, vColor.a * alpha);
}
`;

export type PostureMarksLayerProps<DataT = unknown> = {
  getPosition?: Accessor<DataT, Position>;
  /** RGBA, 0-255. */
  getColor?: Accessor<DataT, Color>;
  /** Outer diameter of a ring, or side of the square's 64-unit icon, in CSS pixels. */
  getSize?: Accessor<DataT, number>;
  /** MARK_SHAPES.ring or MARK_SHAPES.square. */
  getShape?: Accessor<DataT, number>;
  /** A ring's stroke width, in CSS pixels. */
  getLineWidth?: Accessor<DataT, number>;
} & LayerProps;

export class PostureMarksLayer<DataT = unknown, ExtraProps extends object = object> extends Layer<Required<PostureMarksLayerProps<DataT>> & ExtraProps> {
  static override layerName = 'PostureMarksLayer';
  static override defaultProps: DefaultProps<PostureMarksLayerProps> = {
    getPosition: { type: 'accessor', value: (x: unknown) => (x as { position: Position }).position },
    getColor: { type: 'accessor', value: [0, 0, 0, 255] },
    getSize: { type: 'accessor', value: 10 },
    getShape: { type: 'accessor', value: MARK_SHAPES.ring },
    getLineWidth: { type: 'accessor', value: 1 },
  };
  declare state: { model?: Model };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32] });
  }

  override initializeState(): void {
    this.getAttributeManager()!.add({
      positions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      colors: { size: 4, type: 'unorm8', accessor: 'getColor', defaultValue: [0, 0, 0, 255] },
      sizes: { size: 1, accessor: 'getSize' },
      shapes: { size: 1, accessor: 'getShape' },
      lineWidths: { size: 1, accessor: 'getLineWidth' },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged || !this.state.model) {
      this.state.model?.destroy();
      this.state.model = pointSpriteModel(this, this.getShaders());
      this.getAttributeManager()!.invalidateAll();
    }
  }

  override draw(): void {
    const count = this.getNumInstances();
    if (count <= 0) return;
    const model = this.state.model!;
    model.setVertexCount(count);
    model.draw(this.context.renderPass);
  }
}
