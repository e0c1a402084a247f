// The fade rule on the GPU: an event is drawn at full strength while the cursor day is at most its `freshUntil`
// (end + 30 days, or `until` for a persisting state), faded after. A uniform and one float per event, so moving the
// cursor costs no CPU work per event.
import { LayerExtension } from '@deck.gl/core';
import type { Layer } from '@deck.gl/core';
import type { ShaderModule } from '@luma.gl/shadertools';

export interface FadeExtensionProps {
  /** Cursor day, relative to the data's origin day (the same origin as `getFreshUntil`). */
  fadeTime?: number;
  /** Opacity multiplier of faded events. @default 0.3 */
  fadedOpacity?: number;
}

type FadeUniforms = { time: number; opacity: number };

const uniformBlock = /* glsl */ `\
layout(std140) uniform fadeUniforms {
  float time;
  float opacity;
} fade;
`;

const fadeModule = {
  name: 'fade',
  vs: `${uniformBlock}\nin float fadeFreshUntil;\n`,
  fs: uniformBlock,
  inject: {
    'vs:DECKGL_FILTER_COLOR': /* glsl */ `
      if (fade.time > fadeFreshUntil) color.a *= fade.opacity;
    `,
  },
  getUniforms: (opts?: Partial<FadeUniforms>): Partial<FadeUniforms> => opts ?? {},
  uniformTypes: { time: 'f32', opacity: 'f32' },
} as ShaderModule<FadeUniforms, FadeUniforms>;

export class FadeExtension extends LayerExtension {
  static override extensionName = 'FadeExtension';
  static override defaultProps = {
    getFreshUntil: { type: 'accessor', value: 0 },
    fadeTime: 0,
    fadedOpacity: 0.3,
  };

  override getShaders(): any {
    return { modules: [fadeModule] };
  }

  override initializeState(this: Layer<FadeExtensionProps>): void {
    this.getAttributeManager()?.add({
      // dynamic: per instance in instanced layers (ScatterplotLayer), per vertex in EventPointsLayer.
      fadeFreshUntil: { size: 1, type: 'float32', stepMode: 'dynamic', accessor: 'getFreshUntil' },
    });
  }

  override draw(this: Layer<FadeExtensionProps>): void {
    this.setShaderModuleProps({ fade: { time: this.props.fadeTime ?? 0, opacity: this.props.fadedOpacity ?? 0.3 } });
  }
}
