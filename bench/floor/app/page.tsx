// A blank page: the framework's own first-load JavaScript and Lighthouse figures.
export default function Blank() {
  return <main />;
}
