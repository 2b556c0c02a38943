import { Children, cloneElement, forwardRef, isValidElement, type HTMLAttributes, type ReactElement, type ReactNode, type Ref } from "react";
import { useMergedRef } from "./dom";

type AnyProps = Record<string, unknown>;

/**
 * The child's own ref, wherever this React keeps it: `props.ref` in React 19, `element.ref`
 * in 18. Each version's development build puts a warning getter on the other place, so the
 * getter tells which one is real.
 */
function childRef(element: ReactElement): Ref<unknown> | undefined {
  const props = element.props as AnyProps;
  const legacy = (): Ref<unknown> | undefined => (element as unknown as { ref?: Ref<unknown> }).ref;
  const inProps = Object.getOwnPropertyDescriptor(props, "ref")?.get;
  if (inProps && "isReactWarning" in inProps) return legacy();
  const onElement = Object.getOwnPropertyDescriptor(element, "ref")?.get;
  if (onElement && "isReactWarning" in onElement) return props["ref"] as Ref<unknown> | undefined;
  return (props["ref"] as Ref<unknown> | undefined) ?? legacy();
}

/**
 * Our props over the child's: the child's handler runs first (its return value is kept),
 * styles merge with the child's winning, class names join; any other prop the child sets wins.
 */
function mergeProps(ours: AnyProps, theirs: AnyProps): AnyProps {
  const out: AnyProps = { ...ours, ...theirs };
  for (const name in theirs) {
    const a = ours[name];
    const b = theirs[name];
    if (/^on[A-Z]/.test(name)) {
      if (typeof a === "function" && typeof b === "function")
        out[name] = (...args: unknown[]) => {
          const result: unknown = b(...args);
          a(...args);
          return result;
        };
      else if (a && !b) out[name] = a;
    } else if (name === "style") out[name] = { ...(a as object), ...(b as object) };
    else if (name === "className") out[name] = [a, b].filter(Boolean).join(" ");
  }
  return out;
}

/**
 * `asChild` for the kit's components: renders its single child element with the component's
 * props and ref merged in (the Radix `Slot` contract for one element, without Slottable or
 * lazy children, which no kit component uses). No child renders nothing; several throw, as with Radix.
 */
export const Slot = /* @__PURE__ */ forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { children?: ReactNode }>(function Slot(props, ref) {
  const { children, ...ours } = props;
  const child = Children.count(children) === 1 && isValidElement(children) ? children : null;
  const own = child ? childRef(child) : undefined;
  const merged = useMergedRef(ref, own);
  if (!child) {
    if (children || children === 0) throw new Error("rtvi-react-kit: asChild expects exactly one React element as its child.");
    return children;
  }
  return cloneElement(child, { ...mergeProps(ours, child.props as AnyProps), ref: ref ? merged : own } as AnyProps);
});
