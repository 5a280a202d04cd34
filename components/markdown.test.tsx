import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

describe("Markdown", () => {
  it("renders formatting and safe links", () => {
    const html = renderToStaticMarkup(<Markdown>{"## Why\n\nBees **matter**. [Read more](https://example.org/bees)"}</Markdown>);
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<strong>matter</strong>");
    expect(html).toContain('<a href="https://example.org/bees">Read more</a>');
  });

  it("drops raw HTML and javascript: links", () => {
    const html = renderToStaticMarkup(<Markdown>{'<script>alert(1)</script><img src=x onerror="alert(2)"> [click](javascript:alert(3)) <b>bold?</b>'}</Markdown>);
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|<b>/);
  });
});
