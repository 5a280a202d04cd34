export function StatusBadge({ status }: { status: string }) {
  const published = status === "published";
  return (
    <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${published ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}>
      {published ? "Published" : "Draft"}
    </span>
  );
}
