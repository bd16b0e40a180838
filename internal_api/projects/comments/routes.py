"""/v1/projects/{project_id}/tasks/{task_id}/comments: a task's comments, with mentions."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.projects.auth import ProjectsRead
from internal_api.projects.comments import service
from internal_api.projects.comments.schemas import CommentRead, CommentWrite
from internal_api.projects.errors import NotCommentAuthor
from internal_api.projects.repository import CommentRepository
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.projects.errors import ProjectArchived
from shared.models.project_comment import TaskComment
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/projects/{project_id}/tasks/{task_id}/comments", tags=["projects"])

CommentPaging = Annotated[PageParams, Depends(sorted_by(CommentRepository.sortable, "created_at"))]
WRITE_ERRORS = (*SIGNED_IN, NotFound, NotAccountUsers, ProjectArchived)


@router.post(
    "",
    status_code=201,
    response_model=CommentRead,
    summary="Comment on a task",
    description="Plain text; `<@user_id>` mentions a user of the account (404 "
    "`not_account_users` naming any that is not), who is told by email and push.",
    responses=error_responses(*WRITE_ERRORS),
)
async def create_comment(
    project_id: str, task_id: str, body: CommentWrite, principal: ProjectsRead
) -> TaskComment:
    return await service.create_comment(principal, project_id, task_id, body.body)


@router.get(
    "",
    response_model=Page[CommentRead],
    summary="A task's comments, oldest first",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_comments(
    project_id: str, task_id: str, principal: ProjectsRead, paging: CommentPaging
) -> Page[TaskComment]:
    return await service.list_comments(principal, project_id, task_id, paging)


@router.patch(
    "/{comment_id}",
    response_model=CommentRead,
    summary="Edit one's comment",
    description="Users it mentions anew are told.",
    responses=error_responses(*WRITE_ERRORS, NotCommentAuthor),
)
async def update_comment(
    project_id: str, task_id: str, comment_id: str, body: CommentWrite, principal: ProjectsRead
) -> TaskComment:
    return await service.update_comment(principal, project_id, task_id, comment_id, body.body)


@router.delete(
    "/{comment_id}",
    status_code=204,
    summary="Delete a comment (its author's, or any for an admin)",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived, NotCommentAuthor),
)
async def delete_comment(
    project_id: str, task_id: str, comment_id: str, principal: ProjectsRead
) -> Response:
    await service.delete_comment(principal, project_id, task_id, comment_id)
    return Response(status_code=204)
