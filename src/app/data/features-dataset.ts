// The dataset of a GeoJSON (no events.bin beside it: a hand-made file, a single-file export, a `?data=` elsewhere):
// its features are checked already (load.ts), then encoded into the columnar form and the tables a bin would bring,
// in memory, so the views read it exactly as they read a bin.
import type { EventFeature } from '../../model/index.ts';
import { decodeColumnar, encodeFeatures } from '../../model/columnar.ts';
import { featuresInRowOrder } from '../../model/parts.ts';
import { postureOfFeatures } from '../../model/posture-table.ts';
import { textsOfFeatures } from '../../model/text-table.ts';
import { buildColumnarTable } from '../state/columnar-table.ts';
import { detailsInMemory } from './bin.ts';
import { once, type Dataset } from './dataset.ts';
import { prepareEvents } from './prepared-events.ts';

/** The dataset of contract features (a GeoJSON): encoded to the columnar form, its tables built here. */
export function datasetOfFeatures(features: readonly EventFeature[]): Dataset {
  const rows = featuresInRowOrder(features);
  const events = prepareEvents(decodeColumnar(encodeFeatures(rows)));
  return {
    table: buildColumnarTable(events.columns),
    events,
    posture: postureOfFeatures(rows),
    texts: once(async () => textsOfFeatures(rows)),
    details: detailsInMemory(rows),
  };
}

