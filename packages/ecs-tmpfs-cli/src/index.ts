/**
 * Isomorphic model, rules, headroom maths and transforms shared by the ECS tmpfs plugins.
 *
 * @packageDocumentation
 */
export {};
