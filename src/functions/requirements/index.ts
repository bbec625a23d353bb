export { parseRequirements } from './requirement-specs.ts';
export { LayerBuilder } from './layer-builder.ts';
export { buildStatus, recordBuild, type BuildView } from './build-status.ts';
export { layerMount, SANDBOX_LAYER_DIR } from './layer-mount.ts';
export { sweepLayers } from './layer-sweeper.ts';
