import htm from 'htm';
import { h } from 'preact';

/** Preact templates as tagged strings: no JSX step in the build. */
export const html = htm.bind(h);
