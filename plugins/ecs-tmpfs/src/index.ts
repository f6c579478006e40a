/**
 * ECS tmpfs mounts and memory headroom for Backstage (legacy frontend system entry).
 *
 * @packageDocumentation
 */
export { ecsTmpfsPlugin } from './plugin';
