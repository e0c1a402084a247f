// Event markers as one non-instanced draw of point sprites: a vertex per event, a disc per vertex.
// Why not ScatterplotLayer: SwiftShader (software WebGL, our CI and many locked-down desktops) pays a large fixed
// cost per *instance* of an instanced draw, whatever the shader; a plain POINTS draw of the same events costs a
// fraction of it. The discs are filled and antialiased like ScatterplotLayer's, sized in pixels; no strokes.
import { Layer, picking, project32 } from '@deck.gl/core';
import type { Accessor, Color, DefaultProps, LayerProps, Position, UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

type EventPointsUniforms = { radiusPixels: number };

const uniformBlock = /* glsl */ `\
layout(std140) uniform eventPointsUniforms {
  float radiusPixels;
} eventPoints;
`;

const eventPointsModule = {
  name: 'eventPoints',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { radiusPixels: 'f32' },
} as ShaderModule<EventPointsUniforms, EventPointsUniforms>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME event-points-layer-vertex-shader

in vec3 positions;
in vec3 positions64Low;
in vec4 colors;

out vec4 vColor;
out float vRadiusPixels;
out float vSizePixels;

void main(void) {
  geometry.worldPosition = positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vRadiusPixels = eventPoints.radiusPixels * project.devicePixelRatio;
  // One pixel of margin each side for the antialiased edge.
  vSizePixels = 2.0 * vRadiusPixels + 2.0;
  gl_PointSize = vSizePixels;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME event-points-layer-fragment-shader

precision highp float;

in vec4 vColor;
in float vRadiusPixels;
in float vSizePixels;

out vec4 fragColor;

void main(void) {
  float distToCenter = length(gl_PointCoord - 0.5) * vSizePixels;
  float inCircle = smoothedge(distToCenter, vRadiusPixels);
  if (inCircle == 0.0) discard;
  fragColor = vec4(vColor.rgb, vColor.a * inCircle);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

export type EventPointsLayerProps<DataT = unknown> = {
  getPosition?: Accessor<DataT, Position>;
  getFillColor?: Accessor<DataT, Color>;
  /** Disc radius in CSS pixels. @default 3 */
  radiusPixels?: number;
} & LayerProps;

export class EventPointsLayer<DataT = unknown, ExtraProps extends {} = {}> extends Layer<Required<EventPointsLayerProps<DataT>> & ExtraProps> {
  static override layerName = 'EventPointsLayer';
  static override defaultProps: DefaultProps<EventPointsLayerProps> = {
    getPosition: { type: 'accessor', value: (x: any) => x.position },
    getFillColor: { type: 'accessor', value: [0, 0, 0, 255] },
    radiusPixels: { type: 'number', min: 0, value: 3 },
  };
  declare state: { model?: Model };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, picking, eventPointsModule] });
  }

  override initializeState(): void {
    this.getAttributeManager()!.add({
      positions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      colors: { size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [0, 0, 0, 255] },
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
    const model = this.state.model!;
    model.shaderInputs.setProps({ eventPoints: { radiusPixels: this.props.radiusPixels } });
    model.setVertexCount(this.getNumInstances());
    model.draw(this.context.renderPass);
  }

  private getModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts({ isInstanced: false }),
      topology: 'point-list',
      isInstanced: false,
      vertexCount: 0,
    });
  }
}
