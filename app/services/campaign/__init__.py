"""集中整治 and the life of a round after the teams leave (issue 13).

- :mod:`~app.services.campaign.proposals`: the villages whose 巡察报告 recommends 集中整治,
  the 建议 to the district committee, and its decision (date, 文号; villages added with a
  reason).
- :mod:`~app.services.campaign.plan`: the work group per village and the 一村一策 plan under the
  four headings — tasks with owner unit and deadline, cases linked to clue transfers, 班子
  changes, systems adopted.
- :mod:`~app.services.campaign.progress`: progress entries with evidence photos, monthly 督查.
- :mod:`~app.services.campaign.evaluate`: 中期评估, 验收 (整顿转化 or kept), 回头看; the tier
  history.
- :mod:`~app.services.campaign.reads`: what the window and the command line show.
- :mod:`~app.services.campaign.systems`: the 制度推广 matrix and the 找制度短板 focus list.
- :mod:`~app.services.campaign.selfcheck`: 典型问题清单 and the villages' self-check results
  (未巡先改).
- :mod:`~app.services.campaign.report`: the 集中整治进展情况报告 and the matrix as PDF and .xlsx.

Office decisions (propose, decide, plan, evaluate, publish) are refused on a team laptop; a team
adds progress, 督查 and verifies self-check results for the villages it covers, and its bundles
carry them to the office.
"""
