import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Campaigners' Markdown, rendered safely: raw HTML is dropped (never
 * rendered), and react-markdown's URL filter removes javascript: and other
 * unsafe link targets.
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
