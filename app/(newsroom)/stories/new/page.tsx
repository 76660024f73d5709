import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewStoryForm } from "@/components/stories/new-story-form";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/stories/new")}`);
  if (!can(user.role, "create_story")) redirect("/");
  return (
    <div className="max-w-xl">
      <h1 className="mb-2 font-serif text-3xl font-bold tracking-tight">New story</h1>
      <p className="mb-6 text-stone-600">
        Give the story a working title. Then add its sources in the workspace: the articles it is written from, or an
        aggregator page whose summary becomes the first draft.
      </p>
      <NewStoryForm />
    </div>
  );
}
