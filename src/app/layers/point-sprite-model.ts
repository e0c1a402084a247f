// The one way the app's layers draw their rows as point sprites: a non-instanced POINTS model, one vertex a row (in
// software rendering an instanced draw pays a fixed cost per instance; see window-points-layer.ts).
import type { Layer } from '@deck.gl/core';
import { Model, type ModelProps } from '@luma.gl/engine';

/** `shaders`: the layer's getShaders(); `extra`: further model props (draw parameters). */
export function pointSpriteModel(layer: Layer, shaders: Partial<ModelProps>, extra: Partial<ModelProps> = {}): Model {
  return new Model(layer.context.device, {
    ...shaders,
    id: layer.props.id,
    bufferLayout: layer.getAttributeManager()!.getBufferLayouts({ isInstanced: false }),
    topology: 'point-list',
    isInstanced: false,
    vertexCount: 0,
    ...extra,
  });
}
