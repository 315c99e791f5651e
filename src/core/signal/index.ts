// Signal processing: filters, derivatives, integration (pure, allocation only for outputs).
export { butterworthLowpassCoefficients, type FilterCoefficients } from './butterworthLowpassCoefficients';
export { butterworthFiltFilt } from './butterworthFiltFilt';
export { derivative } from './derivative';
export { cumulativeTrapezoid } from './cumulativeTrapezoid';
export { lfilter } from './lfilter';
