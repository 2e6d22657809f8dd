import { TabBar } from "@/components/tab-bar";

export function PersonalizationTabs({ id }: { id: string }) {
  return (
    <TabBar
      label="Personalization"
      className="-mt-2"
      tabs={[
        { title: "Edit", href: `/personalizations/${id}`, exact: true },
        { title: "Results", href: `/personalizations/${id}/results` },
      ]}
    />
  );
}
