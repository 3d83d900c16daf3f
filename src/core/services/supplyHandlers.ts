/** The channels of supply–demand connection, each handed to the service that does it. */
import type { supplyContract } from '../../shared/contracts/supply';
import type { HandlersFor } from '../handlerTypes';
import {
  agreementDraft,
  connectionsOfAgreement,
  connectionTrash,
  createAgreementFromConnection,
  createConnection,
  deleteConnection,
  listConnections,
  restoreConnection,
  updateConnection,
} from './connections';
import { suggestDemands, suggestOffers } from './suggestions';
import {
  createDemand,
  createOffer,
  deleteDemand,
  deleteOffer,
  demandTrash,
  getDemand,
  getOffer,
  listDemands,
  listOffers,
  offerTrash,
  restoreDemand,
  restoreOffer,
  updateDemand,
  updateOffer,
  withdrawDemand,
  withdrawOffer,
} from './supply';
import {
  deleteProductGroup,
  deleteSalesChannel,
  deleteUnit,
  getSupplyLookups,
  saveProductGroup,
  saveSalesChannel,
  saveUnit,
} from './supplyLookups';

export const supplyHandlers: HandlersFor<typeof supplyContract> = {
  'supply:lookups': (ctx) => getSupplyLookups(ctx),
  'supply:saveProductGroup': (ctx, input) => saveProductGroup(ctx, input),
  'supply:deleteProductGroup': (ctx, { code }) => deleteProductGroup(ctx, code),
  'supply:saveUnit': (ctx, input) => saveUnit(ctx, input),
  'supply:deleteUnit': (ctx, { code }) => deleteUnit(ctx, code),
  'supply:saveChannel': (ctx, input) => saveSalesChannel(ctx, input),
  'supply:deleteChannel': (ctx, { code }) => deleteSalesChannel(ctx, code),

  'offers:list': (ctx, input) => listOffers(ctx, input),
  'offers:get': (ctx, { id }) => getOffer(ctx, id),
  'offers:create': (ctx, input) => createOffer(ctx, input),
  'offers:update': (ctx, input) => updateOffer(ctx, input),
  'offers:withdraw': (ctx, input) => withdrawOffer(ctx, input),
  'offers:delete': (ctx, { id }) => deleteOffer(ctx, id),
  'offers:restore': (ctx, { id }) => restoreOffer(ctx, id),
  'offers:trash': (ctx, input) => offerTrash(ctx, input),
  'offers:suggestDemands': (ctx, { id }) => suggestDemands(ctx, id),

  'demands:list': (ctx, input) => listDemands(ctx, input),
  'demands:get': (ctx, { id }) => getDemand(ctx, id),
  'demands:create': (ctx, input) => createDemand(ctx, input),
  'demands:update': (ctx, input) => updateDemand(ctx, input),
  'demands:withdraw': (ctx, input) => withdrawDemand(ctx, input),
  'demands:delete': (ctx, { id }) => deleteDemand(ctx, id),
  'demands:restore': (ctx, { id }) => restoreDemand(ctx, id),
  'demands:trash': (ctx, input) => demandTrash(ctx, input),
  'demands:suggestOffers': (ctx, { id }) => suggestOffers(ctx, id),

  'connections:list': (ctx, input) => listConnections(ctx, input),
  'connections:create': (ctx, input) => createConnection(ctx, input),
  'connections:update': (ctx, input) => updateConnection(ctx, input),
  'connections:delete': (ctx, { id }) => deleteConnection(ctx, id),
  'connections:restore': (ctx, { id }) => restoreConnection(ctx, id),
  'connections:trash': (ctx, input) => connectionTrash(ctx, input),
  'connections:agreementDraft': (ctx, { id }) => agreementDraft(ctx, id),
  'connections:createAgreement': (ctx, input) => createAgreementFromConnection(ctx, input),
  'connections:ofAgreement': (ctx, { agreementId }) => connectionsOfAgreement(ctx, agreementId),
};
