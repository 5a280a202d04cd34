import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Patchthrough", template: "%s · Patchthrough" },
  description: "Connect your members to the people who decide, by phone.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
