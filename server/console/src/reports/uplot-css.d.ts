/** uPlot's stylesheet, imported for its side effect by the lazily loaded chart (Vite injects it). */
declare module 'uplot/dist/uPlot.min.css';
