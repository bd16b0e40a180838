"""Comments on a task: written by any user of the account (clients too), changed by their
author alone, deleted by their author or an admin. The users a comment mentions are told
(`task_mentioned`); an edit tells only those it mentions anew."""

from beanie import PydanticObjectId

from internal_api.projects.comments.mentions import mentioned_users, preview
from internal_api.projects.errors import NotCommentAuthor
from internal_api.projects.repository import CommentRepository
from internal_api.projects.tasks.service import get_task
from shared.domain.projects.checks import live_project
from shared.domain.projects.events import announce
from shared.domain.projects.notices import tell_mentioned
from shared.models.base import utc_now
from shared.models.project_comment import TaskComment
from shared.models.project_task import ProjectTask
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

ADMIN_SCOPE = "account:write"


async def create_comment(
    principal: Principal, project_id: str, task_id: str, body: str
) -> TaskComment:
    task = await writable_task(principal, project_id, task_id)
    mentioned = await mentioned_users(principal.account_id, body)
    comment = await CommentRepository(principal.account_id).create(
        project_id=task.project_id,
        task_id=task.id,
        author_id=PydanticObjectId(principal.sub),
        body=body,
        mentioned_user_ids=mentioned,
    )
    told(comment, "created", ["body"])
    await tell_mentioned(
        task, mentioned, comment.author_id, await preview(body, mentioned), f"{comment.id}"
    )
    return comment


async def list_comments(
    principal: Principal, project_id: str, task_id: str, params: PageParams
) -> Page[TaskComment]:
    task = await get_task(principal, project_id, task_id)
    return await CommentRepository(principal.account_id).paginate(params, {"task_id": task.id})


async def update_comment(
    principal: Principal, project_id: str, task_id: str, comment_id: str, body: str
) -> TaskComment:
    task = await writable_task(principal, project_id, task_id)
    comment = await CommentRepository(principal.account_id).get_in(comment_id, task_id=task.id)
    if str(comment.author_id) != principal.sub:
        raise NotCommentAuthor()
    mentioned = await mentioned_users(principal.account_id, body)
    newly = [user_id for user_id in mentioned if user_id not in comment.mentioned_user_ids]
    comment.body, comment.mentioned_user_ids, comment.edited_at = body, mentioned, utc_now()
    await comment.save()
    told(comment, "updated", ["body"])
    key = f"{comment.id}:{comment.edited_at.isoformat()}"
    await tell_mentioned(task, newly, comment.author_id, await preview(body, mentioned), key)
    return comment


async def delete_comment(principal: Principal, project_id: str, task_id: str, comment_id: str):
    task = await writable_task(principal, project_id, task_id)
    comment = await CommentRepository(principal.account_id).get_in(comment_id, task_id=task.id)
    if str(comment.author_id) != principal.sub and not principal.has_scopes(ADMIN_SCOPE):
        raise NotCommentAuthor()
    await comment.delete()
    told(comment, "deleted")


async def writable_task(principal: Principal, project_id: str, task_id: str) -> ProjectTask:
    task = await get_task(principal, project_id, task_id)
    await live_project(task.account_id, task.project_id)
    return task


def told(comment: TaskComment, action: str, fields: list[str] | None = None) -> None:
    announce(
        comment.account_id,
        "comment",
        comment.id,
        action,
        fields or [],
        project_id=str(comment.project_id),
        task_id=str(comment.task_id),
    )
